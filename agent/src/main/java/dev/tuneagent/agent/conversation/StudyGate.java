package dev.tuneagent.agent.conversation;

import dev.tuneagent.core.task.TaskSpec;

/**
 * Where {@code start_study} meets a person. The shell shows the task and asks yes/no/edit; {@code tune ask} defers
 * (it starts the task itself with {@code --yes}, or writes it to a file). The model never starts anything alone.
 */
@FunctionalInterface
public interface StudyGate {

    Decision start(TaskSpec task, String yaml);

    sealed interface Decision {
    }

    /** The study ran (or ran until stopped); {@code report} tells the model how it went. */
    record Started(String report) implements Decision {
    }

    /** The person said no or asked for a change; {@code reason} goes to the model, which should adapt the task. */
    record Declined(String reason) implements Decision {
    }

    /** The caller starts (or saves) the task once the conversation turn ends; the turn ends here. */
    record Deferred(String note) implements Decision {
    }
}
