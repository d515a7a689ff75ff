package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.BundledDataset;
import dev.tuneagent.tools.data.Dataset;
import dev.tuneagent.tools.data.DatasetProfile;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.data.TaskKind;
import java.util.List;

/**
 * What {@code type: inprocess} jobs offer (data sets, models, metrics, default spaces) and the checks a
 * task file must pass before a study starts. Every error names the task-file path ({@code job.model},
 * {@code job.dataset}, {@code objective.metric}, {@code space.NAME}) and lists the valid choices.
 */
public final class InProcessCatalog {
    /** Each test fold gets at least this many rows. */
    static final int MIN_ROWS_PER_FOLD = 2;

    private final Datasets datasets;

    public InProcessCatalog(Datasets datasets) {
        this.datasets = datasets;
    }

    public List<BundledDataset> datasets() {
        return BundledDataset.ALL;
    }

    public List<ModelDef> models() {
        return Models.ALL;
    }

    public List<String> metrics() {
        return Metric.keys();
    }

    public static Direction metricDirection(String metric) {
        return metric(metric).direction();
    }

    static Metric metric(String metric) {
        return Metric.parse(metric).orElseThrow(() -> ConfigException.of("objective.metric", metric,
                "one of " + String.join(", ", Metric.keys()) + " for an inprocess job"));
    }

    public ModelDef model(String name) {
        return Models.named(name).orElseThrow(() -> ConfigException.of("job.model", name,
                "one of " + String.join(", ", Models.names())));
    }

    public Dataset dataset(InProcessJobSpec spec) {
        return datasets.load(spec.dataset(), spec.target());
    }

    public DatasetProfile profile(InProcessJobSpec spec) {
        return DatasetProfile.profile(dataset(spec));
    }

    /**
     * Classification or regression: fixed for a bundled data set; for a CSV with a numeric target the
     * metric decides (rmse/mae/r2 mean regression), otherwise it is classification.
     */
    public TaskKind taskKind(InProcessJobSpec spec, String metric) {
        Dataset d = dataset(spec);
        Metric m = metric(metric);
        boolean bundled = Datasets.isBundled(spec.dataset());
        TaskKind kind = bundled || !d.numericTarget() ? d.kind() : m.kind();
        if (m.kind() != kind) {
            List<String> fitting = Metric.forKind(kind).stream().map(Metric::key).toList();
            String why = bundled ? "" : " (its target " + dev.tuneagent.tools.data.Text.quote(d.targetName())
                    + " is not numeric)";
            throw new ConfigException("objective.metric", m.key() + " is a " + m.kind().lower() + " metric but "
                    + d.name() + " is a " + kind.lower() + " data set" + why + "; use one of "
                    + String.join(", ", fitting));
        }
        return kind;
    }

    /** The model's default space for this job (its task kind decided by the data set and the metric). */
    public SearchSpace defaultSpace(InProcessJobSpec spec, String metric) {
        TaskKind kind = taskKind(spec, metric);
        return TrainingRows.fit(model(spec.model()), kind, defaultSpace(spec.model(), kind),
                TrainingRows.smallestTrainingFold(dataset(spec).rows(), spec.folds()));
    }

    public SearchSpace defaultSpace(String model, TaskKind kind) {
        ModelDef m = model(model);
        checkSupports(m, kind);
        return m.defaultSpace(kind);
    }

    /** Checks the job and the metric together; loads the data set (it is cached for the launcher). */
    public void validate(InProcessJobSpec spec, String metric) {
        Metric m = metric(metric);
        ModelDef model = model(spec.model());
        if (spec.folds() < 2) {
            throw ConfigException.of("job.folds", spec.folds(), "an integer of at least 2");
        }
        Dataset d = dataset(spec);
        TaskKind kind = taskKind(spec, metric);
        checkSupports(model, kind);
        if (m == Metric.LOG_LOSS && !model.probabilities()) {
            throw new ConfigException("objective.metric", "log-loss needs class probabilities and " + model.name()
                    + " gives none; use accuracy or f1, or a model with probabilities: " + String.join(", ",
                    Models.ALL.stream().filter(x -> x.probabilities() && x.classifier() != null).map(ModelDef::name)
                            .toList()));
        }
        int needed = spec.folds() * MIN_ROWS_PER_FOLD;
        if (d.rows() < needed) {
            throw new ConfigException("job.folds", spec.folds() + "-fold cross-validation needs at least " + needed
                    + " rows; " + d.name() + " has " + d.rows() + " (lower job.folds or add rows)");
        }
        if (kind == TaskKind.CLASSIFICATION && d.labels().stream().distinct().count() < 2) {
            throw new ConfigException("job.target", "column " + dev.tuneagent.tools.data.Text.quote(d.targetName())
                    + " of " + d.name() + " holds a single class; classification needs at least two");
        }
    }

    /** {@link #validate(InProcessJobSpec, String)} plus the user's own search space against the model. */
    public void validate(InProcessJobSpec spec, String metric, SearchSpace space) {
        validate(spec, metric);
        if (space != null) {
            SpaceCheck.check(model(spec.model()), taskKind(spec, metric), space);
            Dataset d = dataset(spec);
            TrainingRows.check(model(spec.model()), taskKind(spec, metric), space, d.name(), d.rows(), spec.folds());
        }
    }

    private static void checkSupports(ModelDef m, TaskKind kind) {
        if (!m.supports(kind)) {
            List<String> fitting = Models.ALL.stream().filter(x -> x.supports(kind)).map(ModelDef::name).toList();
            String hint = m.name().equals("logistic") ? " (for regression use linear)"
                    : m.name().equals("linear") ? " (for classification use logistic)" : "";
            throw new ConfigException("job.model", m.name() + " does not do " + kind.lower() + hint
                    + "; use one of " + String.join(", ", fitting));
        }
    }
}
