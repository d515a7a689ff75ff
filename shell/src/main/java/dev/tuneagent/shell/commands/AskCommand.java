package dev.tuneagent.shell.commands;

import dev.tuneagent.agent.conversation.Conversation;
import dev.tuneagent.agent.conversation.StudyGate;
import dev.tuneagent.agent.conversation.Turn;
import dev.tuneagent.agent.llm.LlmConnection;
import dev.tuneagent.agent.llm.usage.UsageTotals;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.shell.UsageException;
import dev.tuneagent.shell.agent.AgentRuns;
import dev.tuneagent.shell.agent.AgentSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/**
 * {@code ask}: one sentence in, a task (and with {@code --yes} a study) out. Never reads standard input: in a
 * script, {@code --yes} is the confirmation and without it the task is written to a file for a person to run.
 */
@ShellComponent
@ShellCommandGroup("Run studies")
public class AskCommand {
    private final AgentSessions sessions;
    private final AgentRuns runs;
    private final ExitStatus status;
    private final Console console;

    public AskCommand(AgentSessions sessions, AgentRuns runs, ExitStatus status, Console console) {
        this.sessions = sessions;
        this.runs = runs;
        this.status = status;
        this.console = console;
    }

    @ShellMethod(key = "ask", value = "Describe a study in words; the agent builds the task (and with --yes runs it).")
    public void ask(@ShellOption(value = "--text", help = "what to tune, in plain words (quote it)") String text,
                    @ShellOption(defaultValue = "false", help = "start the study at once (else write TASK_NAME.yaml)") boolean yes,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "the agent's model as PROVIDER:NAME (default: llm.model)") String model,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "off, record:DIR or replay:DIR") String cassette,
                    @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "task file to write (default: TASK_NAME.yaml)") String out,
                    @ShellOption(defaultValue = "false", help = "overwrite the task file if it exists") boolean force) {
        if (text == null || text.isBlank()) {
            throw new UsageException("ask: say what to tune, e.g. tune ask \"random forest on wine, 20 trials\"");
        }
        StorageLocation location = StorageLocation.parse(storage);
        UsageTotals ledger = new UsageTotals(java.util.Optional.empty());
        LlmConnection connection;
        try {
            connection = sessions.connect(model, cassette, ledger);
        } catch (dev.tuneagent.core.config.ConfigException e) {
            throw new UsageException("ask: " + e.getMessage() + ". Without a model, `tune wizard` builds a task from "
                    + "a few questions.");
        }
        StudyGate later = (task, yaml) -> new StudyGate.Deferred(yes
                ? "confirmed by the user's --yes: the study starts when this reply ends"
                : "saved as a task file for the user to review and run; nothing was started");
        Conversation conversation = sessions.conversation(connection, location, later);
        console.out().println("Asking " + connection.config().model() + " ...");
        Turn turn = conversation.send(text, e -> {
            console.out().println(AgentRuns.describe(e));
            console.out().flush();
        });
        if (turn.reply() != null && !turn.reply().isBlank()) {
            console.out().println("Agent: " + turn.reply().strip());
        }
        UsageTotals.Totals t = ledger.totals();
        console.out().println("(" + t.calls() + " model calls, " + t.totalTokens() + " tokens)");
        if (turn.capped()) {
            throw new UsageException("ask: the agent made " + conversation.turnCap() + " model calls without finishing; "
                    + "nothing was started. Say more precisely what to tune, or use `tune wizard`.");
        }
        TaskSpec task = turn.task();
        if (task == null) {
            throw new UsageException("ask: the agent built no valid task, so nothing was started. Name a data set "
                    + "(bundled: iris, wine, breast-cancer, digits, diabetes, or a CSV file here), a model and a metric, "
                    + "or use `tune wizard`.");
        }
        String yaml = sessions.tasks().yaml(task);
        console.out().println("Task:");
        console.out().print(yaml.indent(2));
        if (yes && turn.deferredStart()) {
            AgentRuns.Outcome o = runs.start(task, location, model);
            status.set(o.code());
            return;
        }
        Path file = write(task, yaml, out, force);
        console.out().println("Wrote " + file + ". Run it with: tune run " + quote(file.toString())
                + (storage == null ? "" : " --storage " + quote(storage)) + "   (or ask again with --yes)");
        if (yes) {
            // --yes confirms a start the agent asked for; a task it only validated is saved, not run.
            throw new UsageException("ask: the agent validated a task but did not ask to start it, so --yes started "
                    + "nothing; the task is in " + file);
        }
        status.set(ExitCodes.OK);
    }

    private static Path write(TaskSpec task, String yaml, String out, boolean force) {
        Path file = Path.of(out != null ? out : task.name() + ".yaml");
        if (Files.exists(file) && !force) {
            throw new UsageException("ask: " + file + " already exists and was not overwritten (the task is printed "
                    + "above); pass --force to overwrite it, or --out FILE to write another file");
        }
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UsageException("ask: cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
