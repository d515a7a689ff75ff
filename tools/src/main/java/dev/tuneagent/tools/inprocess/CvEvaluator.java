package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.Dataset;
import dev.tuneagent.tools.data.TaskKind;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Evaluates one configuration of one model by seeded k-fold cross-validation. */
public final class CvEvaluator {
    private final InProcessCatalog catalog;

    public CvEvaluator(InProcessCatalog catalog) {
        this.catalog = catalog;
        QuietLibraries.apply();
    }

    /**
     * Returns every metric's fold mean and {@code _std}. Same (spec, params, metric, seed): same numbers.
     *
     * @throws dev.tuneagent.core.config.ConfigException when the job, metric or a value is unusable
     */
    public Map<String, Double> evaluate(InProcessJobSpec spec, Map<String, Object> params, String metric, long seed,
                                        BooleanSupplier cancelled) {
        // The split and the model's randomness get independent streams from the one seed.
        return evaluate(spec, params, metric, Seeds.mix(seed, 1), Seeds.mix(seed, 2), cancelled);
    }

    /**
     * Like {@link #evaluate(InProcessJobSpec, Map, String, long, BooleanSupplier)} with the folds fixed by
     * {@code splitSeed} (shared by all trials of a study) and the model's randomness by {@code modelSeed}.
     */
    public Map<String, Double> evaluate(InProcessJobSpec spec, Map<String, Object> params, String metric,
                                        long splitSeed, long modelSeed, BooleanSupplier cancelled) {
        return evaluate(spec, params, metric, splitSeed, modelSeed, cancelled, FoldListener.NONE);
    }

    /** Like the above, telling {@code listener} after each fold (the folds are the intermediate steps). */
    public Map<String, Double> evaluate(InProcessJobSpec spec, Map<String, Object> params, String metric,
                                        long splitSeed, long modelSeed, BooleanSupplier cancelled,
                                        FoldListener listener) {
        catalog.validate(spec, metric);
        ModelDef model = catalog.model(spec.model());
        TaskKind kind = catalog.taskKind(spec, metric);
        SpaceCheck.checkValues(model, kind, params);
        Hyper h = new Hyper(params, model.hyperparameters(kind));
        boolean probabilities = Metric.LOG_LOSS.key().equals(metric);
        Dataset d = catalog.dataset(spec);
        TrainContext context = new TrainContext(modelSeed, probabilities, d.rows(), d.featureNames().size());
        if (kind == TaskKind.CLASSIFICATION) {
            return CrossValidation.classification(d, model.classifier().create(h, context),
                    model.scaleFeatures(), spec.folds(), splitSeed, cancelled, listener);
        }
        return CrossValidation.regression(d, model.regressor().create(h, context), model.scaleFeatures(),
                spec.folds(), splitSeed, cancelled, listener);
    }
}
