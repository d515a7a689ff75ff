package dev.tuneagent.shell.agent;

import dev.tuneagent.agent.conversation.Conversation;
import dev.tuneagent.agent.conversation.Prompter;
import dev.tuneagent.agent.conversation.Turn;
import dev.tuneagent.agent.llm.LlmConnection;
import dev.tuneagent.agent.llm.error.LlmException;
import dev.tuneagent.agent.llm.usage.UsageTotals;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.shell.Console;

/**
 * One interactive session: the conversation (when a model is configured), where studies go, and the first screen.
 * Lines that are not commands come here and go to the agent, which keeps the conversation across lines.
 */
public final class ShellSession {
    private static final System.Logger LOG = System.getLogger("dev.tuneagent.shell.agent");
    private final AgentSessions sessions;
    private final AgentRuns runs;
    private final Console console;
    private final UsageTotals ledger = new UsageTotals(java.util.Optional.empty());
    private Conversation conversation;
    private StorageLocation storage = StorageLocation.parse(null);
    private String storageOption;

    public ShellSession(AgentSessions sessions, AgentRuns runs, Console console) {
        this.sessions = sessions;
        this.runs = runs;
        this.console = console;
    }

    /** Connects the model (if one is configured) and prints the first screen. */
    public void open(String model, String cassette, String storageText, Prompter io) {
        storage = StorageLocation.parse(storageText);
        storageOption = storageText;
        console.out().println("tune shell: `help` lists the commands, `exit` leaves. Studies are stored in "
                + storage.uri() + ".");
        try {
            LlmConnection c = sessions.connect(model, cassette, ledger);
            conversation = sessions.conversation(c, storage, new ShellGate(io, runs, storage, model));
            console.out().println("The assistant talks to " + c.config().model() + ". Say what to tune in plain words,"
                    + " e.g. \"tune a random forest on wine for 30 trials\"; before a study starts you see it and say"
                    + " yes, no or edit. `wizard` asks step-by-step questions instead.");
        } catch (ConfigException e) {
            console.out().println();
            boolean none = e.getMessage().contains("no model configured");
            console.out().println("No model is configured, so the assistant is off" + (none ? "." : ": " + e.getMessage()));
            console.out().println("To configure one: export OPENAI_API_KEY=... or ANTHROPIC_API_KEY=..., or set");
            console.out().println("  model: ollama:llama3.1   (any PROVIDER:NAME) in ~/.tune/config.yaml, or start with");
            console.out().println("  tune shell --model PROVIDER:NAME   (see docs/llm.md).");
            console.out().println("Without a model, type `wizard`: a few questions with defaults build the task, and"
                    + " the study runs after your yes.");
        }
        console.out().println();
        console.out().flush();
    }

    public StorageLocation storage() {
        return storage;
    }

    /** The shell's {@code --storage} as typed (null: the default), for commands typed without one. */
    public String storageOption() {
        return storageOption;
    }

    public boolean hasModel() {
        return conversation != null;
    }

    /** A line that is not a command. */
    public void talk(String line) {
        if (conversation == null) {
            console.out().println("No model is configured, so sentences cannot be answered. Type `wizard` for the "
                    + "guided questions, or `help` for the commands (`tune shell --model PROVIDER:NAME` starts one with "
                    + "a model).");
            console.out().flush();
            return;
        }
        try {
            Turn t = conversation.send(line, e -> {
                console.out().println(AgentRuns.describe(e));
                console.out().flush();
            });
            if (t.reply() != null && !t.reply().isBlank()) {
                console.out().println("agent: " + t.reply().strip());
            }
            if (t.capped()) {
                console.out().println("agent: (stopped after " + conversation.turnCap() + " model calls without an "
                        + "answer; nothing was started. Try saying it differently.)");
            }
        } catch (LlmException e) {
            console.out().println("agent: the model call failed: " + e.getMessage() + ". The session goes on; try "
                    + "again, or use `wizard`.");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "agent turn failed", e);
            console.out().println("agent: internal error: " + e + " (details in the log). The session goes on.");
        }
        console.out().flush();
    }
}
