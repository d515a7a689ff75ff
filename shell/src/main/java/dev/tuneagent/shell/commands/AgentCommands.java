package dev.tuneagent.shell.commands;

import dev.tuneagent.agent.conversation.TaskWizard;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.shell.agent.AgentRuns;
import dev.tuneagent.shell.agent.AgentSessions;
import dev.tuneagent.shell.agent.Confirm;
import dev.tuneagent.shell.agent.LinePrompter;
import dev.tuneagent.shell.agent.ShellSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code wizard} (a task from questions, no model needed) and {@code shell} (the interactive session). */
@ShellComponent
@ShellCommandGroup("Run studies")
public class AgentCommands {
    private final AgentSessions sessions;
    private final AgentRuns runs;
    private final ShellSession session;
    private final ObjectProvider<LineReader> reader;
    private final ExitStatus status;
    private final Console console;

    public AgentCommands(AgentSessions sessions, AgentRuns runs, ShellSession session, ObjectProvider<LineReader> reader,
                         ExitStatus status, Console console) {
        this.sessions = sessions;
        this.runs = runs;
        this.session = session;
        this.reader = reader;
        this.status = status;
        this.console = console;
    }

    @ShellMethod(key = "wizard", value = "Build a task from a few questions (data set, target, metric, model, budget) and run it; no model needed.")
    public void wizard(@ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT + " (in the shell: the shell's)") String storage) {
        StorageLocation location = storage != null ? StorageLocation.parse(storage) : session.storage();
        LinePrompter io = new LinePrompter(reader.getObject(), console);
        TaskWizard wizard = new TaskWizard(sessions.tasks(), sessions.catalog(), io);
        io.say("Wizard: Enter takes the default in [brackets]; Ctrl-D stops.");
        TaskWizard.Answers previous = null;
        while (true) {
            Optional<TaskWizard.Result> r = wizard.run(previous);
            if (r.isEmpty()) {
                io.say("Wizard stopped; nothing was started.");
                status.set(ExitCodes.OK);
                return;
            }
            TaskSpec task = r.get().task();
            Confirm.Answer a = Confirm.ask(io, sessions.tasks().yaml(task),
                    List.of(Confirm.Answer.YES, Confirm.Answer.NO, Confirm.Answer.EDIT, Confirm.Answer.SAVE));
            switch (a) {
                case YES -> {
                    status.set(runs.start(task, location, null).code());
                    return;
                }
                case EDIT -> previous = r.get().answers();
                case SAVE -> {
                    save(task);
                    return;
                }
                default -> {
                    io.say("Not started.");
                    status.set(ExitCodes.OK);
                    return;
                }
            }
        }
    }

    private void save(TaskSpec task) {
        Path file = Path.of(task.name() + ".yaml");
        for (int i = 2; Files.exists(file); i++) {
            file = Path.of(task.name() + "-" + i + ".yaml");
        }
        try {
            Files.writeString(file, sessions.tasks().yaml(task));
        } catch (IOException e) {
            throw new dev.tuneagent.shell.UsageException("wizard: cannot write " + file + ": " + e.getMessage());
        }
        console.out().println("Wrote " + file + ". Run it with: tune run " + file);
        status.set(ExitCodes.OK);
    }

    @ShellMethod(key = "shell", value = "The interactive shell: commands, plus plain sentences for the agent (options: --model, --cassette, --storage).")
    public void shell() {
        console.out().println("You are in the shell already; type a command or a sentence (`exit` leaves).");
    }
}
