package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.tools.data.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * A model users can name in {@code job.model}.
 *
 * @param classifier    null when the model cannot classify
 * @param regressor     null when the model cannot do regression
 * @param probabilities whether its classifier can give class probabilities (needed for log-loss)
 * @param scaleFeatures whether features are standardized first (distance- and gradient-based models)
 */
public record ModelDef(String name, String description, List<Hyperparameter> hyperparameters,
                       TrainerFactory<Label> classifier, TrainerFactory<Regressor> regressor,
                       boolean probabilities, boolean scaleFeatures) {

    public ModelDef {
        hyperparameters = List.copyOf(hyperparameters);
    }

    public boolean supports(TaskKind kind) {
        return kind == TaskKind.CLASSIFICATION ? classifier != null : regressor != null;
    }

    public List<TaskKind> kinds() {
        List<TaskKind> kinds = new ArrayList<>();
        for (TaskKind k : TaskKind.values()) {
            if (supports(k)) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    public List<Hyperparameter> hyperparameters(TaskKind kind) {
        return hyperparameters.stream().filter(h -> h.kinds().contains(kind)).toList();
    }

    public Optional<Hyperparameter> hyperparameter(String name, TaskKind kind) {
        return hyperparameters(kind).stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** The search space tried when the task file has no {@code space:}. */
    public SearchSpace defaultSpace(TaskKind kind) {
        List<Param> params = hyperparameters(kind).stream().map(Hyperparameter::range).toList();
        return new SearchSpace(params);
    }
}
