package dev.tuneagent.shell.agent;

import dev.tuneagent.agent.conversation.Prompter;
import dev.tuneagent.agent.conversation.StudyGate;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.task.TaskSpec;
import java.util.List;

/** {@code start_study} in the shell: the person sees the task and says yes, no or edit (a change in words). */
final class ShellGate implements StudyGate {
    private final Prompter io;
    private final AgentRuns runs;
    private final StorageLocation storage;
    private final String model;

    ShellGate(Prompter io, AgentRuns runs, StorageLocation storage, String model) {
        this.io = io;
        this.runs = runs;
        this.storage = storage;
        this.model = model;
    }

    @Override
    public Decision start(TaskSpec task, String yaml) {
        io.say("The agent wants to start this study:");
        Confirm.Answer a = Confirm.ask(io, yaml, List.of(Confirm.Answer.YES, Confirm.Answer.NO, Confirm.Answer.EDIT));
        if (a == Confirm.Answer.YES) {
            return new Started(runs.start(task, storage, model).report());
        }
        if (a == Confirm.Answer.EDIT) {
            String change = io.ask("What should change? ");
            if (change != null && !change.isBlank()) {
                return new Declined("the user wants this change before starting: " + change.strip()
                        + ". Validate the changed task and call start_study again.");
            }
        }
        io.say("Not started.");
        return new Declined("the user said no; ask what to change");
    }
}
