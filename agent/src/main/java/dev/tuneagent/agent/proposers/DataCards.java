package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.prompts.card.DataCard;
import dev.tuneagent.tools.data.DatasetProfile;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.data.TaskKind;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.util.List;

/**
 * The data card of a task: for an in-process job the model and the data set's profile (size,
 * feature names, target, classes) from the tools module; for any task the objective and the task's
 * {@code description:}. A data set that cannot be profiled gives a card that simply says less.
 */
public final class DataCards {
    private DataCards() {
    }

    public static DataCard of(TaskSpec task) {
        if (task.job() instanceof InProcessJobSpec j) {
            DatasetProfile profile;
            try {
                profile = new InProcessCatalog(new Datasets()).profile(j);
            } catch (RuntimeException e) {
                profile = null;
            }
            return of(task, j, profile);
        }
        return new DataCard(null, task.metric(), task.direction(), null, null, null, List.of(), null, null, null,
                task.description());
    }

    static DataCard of(TaskSpec task, InProcessJobSpec job, DatasetProfile p) {
        String model = job.model() == null ? null : job.model().replace('-', ' ');
        if (p == null) {
            return new DataCard(model, task.metric(), task.direction(), null, null, null, List.of(), null, null, null,
                    task.description());
        }
        boolean classification = p.kind() == TaskKind.CLASSIFICATION;
        return new DataCard(model, task.metric(), task.direction(), p.kind().lower(),
                classification ? p.classCounts().size() : null, (long) p.rows(),
                p.features().stream().map(DatasetProfile.FeatureSummary::name).toList(), null, null, p.targetName(),
                task.description());
    }
}
