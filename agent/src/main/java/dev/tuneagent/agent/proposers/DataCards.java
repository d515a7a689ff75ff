package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.prompts.card.DataCard;
import java.util.List;

/**
 * The data card of a task, from what the task file says: the model and data set of an in-process job,
 * the objective, and the task's {@code description:}. Data set statistics (size, features, target)
 * are left out until the tools module's data set profile is wired in; the card then simply says less.
 */
public final class DataCards {
    private DataCards() {
    }

    public static DataCard of(TaskSpec task) {
        String model = null;
        String taskType = null;
        String description = task.description();
        if (task.job() instanceof InProcessJobSpec j) {
            model = j.model() == null ? null : j.model().replace('-', ' ');
            taskType = "accuracy".equals(task.metric()) || "f1".equals(task.metric()) ? "classification" : null;
            String data = "data set: " + j.dataset();
            description = description == null ? data : description + " (" + data + ")";
        }
        return new DataCard(model, task.metric(), task.direction(), taskType, null, null, List.of(), null, null,
                null, description);
    }
}
