package dev.tuneagent.evals.eval;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.data.TaskKind;
import dev.tuneagent.tools.inprocess.Hyperparameter;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.inprocess.InProcessJobLauncher;
import dev.tuneagent.tools.inprocess.ModelDef;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A Bayesmark-style tuning task {@code MODEL-DATASET}: a bundled model on a bundled data set, the model's default
 * space, k-fold cross-validated accuracy (classification) or RMSE (regression). Its default configuration is
 * the catalog's fallback value of every hyperparameter (what a user who tunes nothing gets).
 */
public record MlTask(String model, String dataset, TaskKind kind, InProcessCatalog catalog) implements EvalTask {
    public static final int FOLDS = 5;

    @Override
    public String name() {
        return model + "-" + dataset;
    }

    @Override
    public String metric() {
        return kind == TaskKind.CLASSIFICATION ? "accuracy" : "rmse";
    }

    @Override
    public Direction direction() {
        return InProcessCatalog.metricDirection(metric());
    }

    @Override
    public CellSetup setup(long seed, int trials, boolean anonymize) {
        ModelDef def = catalog.model(model);
        SearchSpace space = catalog.defaultSpace(model, kind);
        TaskSpec task = TaskSpec.builder(name(), metric(), direction(), new InProcessJobSpec(dataset, model, FOLDS, null))
                .space(space).trials(trials).seed(seed).build();
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Hyperparameter h : def.hyperparameters(kind)) {
            defaults.put(h.name(), h.fallback());
        }
        return new CellSetup(task, new InProcessJobLauncher(catalog, 1, Clock.systemUTC()),
                DoubleUnaryOperator.identity(), null, null, space.coerce(defaults), null);
    }
}
