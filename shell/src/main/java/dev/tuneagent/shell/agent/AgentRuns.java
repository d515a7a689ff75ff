package dev.tuneagent.shell.agent;

import dev.tuneagent.agent.conversation.ToolEvent;
import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.format.Values;
import dev.tuneagent.shell.run.StudyRunner;

/** Starting a task that came out of a conversation or the wizard, through the same runner as {@code run}. */
public final class AgentRuns {
    private final StudyRunner runner;
    private final TaskLoader loader;
    private final Console console;

    public AgentRuns(StudyRunner runner, TaskLoader loader, Console console) {
        this.runner = runner;
        this.loader = loader;
        this.console = console;
    }

    /** Exit code and what the model should hear about the run. */
    public record Outcome(int code, String study, String report) {
    }

    /**
     * Runs {@code task} to its budget. A name already taken in the store gets a suffix ({@code -2}, {@code -3}...);
     * LLM proposers use {@code model} (the conversation's), never settings from the task.
     */
    public Outcome start(TaskSpec task, StorageLocation storage, String model) {
        String name = freeName(storage, task.name());
        if (!name.equals(task.name())) {
            console.out().println("(A study named " + task.name() + " already exists in " + storage.uri()
                    + "; this one is " + name + ".)");
        }
        TaskSpec named = LlmProposerRegistration.withCli(loader.override(task, name, null, null, null), model, null);
        int code = runner.start(named, storage);
        return new Outcome(code, name, report(code, name, storage));
    }

    private static String report(int code, String name, StorageLocation storage) {
        if (storage instanceof StorageLocation.Memory) {
            return "the study " + name + " ran in memory (exit code " + code + ")";
        }
        try (StudyStore store = StudyStores.open(storage)) {
            StudySnapshot s = store.snapshot(name);
            String best = s.best().map(b -> "best " + s.study().metric() + " " + Values.number(b.value()) + " (trial "
                    + b.number() + ", params " + Values.params(b.params()) + ")").orElse("no complete trial");
            String how = code == ExitCodes.INTERRUPTED ? "was stopped by the user (resumable with `tune resume " + name
                    + "`)" : code == ExitCodes.OK ? "finished" : "ended with exit code " + code;
            return "the study " + name + " " + how + " after " + s.trials().size() + " of " + s.study().budget()
                    + " trials; " + best;
        }
    }

    private static String freeName(StorageLocation storage, String wanted) {
        if (storage instanceof StorageLocation.Memory) {
            return wanted;
        }
        try (StudyStore store = StudyStores.open(storage)) {
            String name = wanted;
            for (int i = 2; store.findStudy(name).isPresent(); i++) {
                name = wanted + "-" + i;
            }
            return name;
        }
    }

    /** One line per tool call for people: what the agent did, and the start of the answer. */
    public static String describe(ToolEvent e) {
        String args = e.arguments().length() > 140 ? e.arguments().substring(0, 137) + "..." : e.arguments();
        String first = e.result().lines().findFirst().orElse("");
        if (first.length() > 140) {
            first = first.substring(0, 137) + "...";
        }
        return "  [tool] " + e.tool() + " " + args + "\n         -> " + first;
    }
}
