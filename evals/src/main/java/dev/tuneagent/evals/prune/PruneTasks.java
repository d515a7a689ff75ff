package dev.tuneagent.evals.prune;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import dev.tuneagent.tools.data.BundledDataset;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.data.TaskKind;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.inprocess.InProcessJobLauncher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The pruning benchmark's tasks by name: {@code lc-FUNCTION} (a learning curve of {@code steps} steps that ends
 * at a benchmark function, see {@link LearningCurveJob}) and {@code MODEL-DATASET} (in-process training with
 * 5-fold CV, the folds as steps, accuracy or RMSE, the model's default space).
 */
public final class PruneTasks {
    public static final int FOLDS = 5;
    private final InProcessCatalog catalog = new InProcessCatalog(new Datasets());
    private final int steps;

    public PruneTasks(int steps) {
        this.steps = steps;
    }

    public PruneBench.Task task(String name) {
        if (name.startsWith("lc-")) {
            BenchmarkFunction f = BenchmarkFunctions.find(name.substring(3)).orElseThrow(() -> new ConfigException(
                    "--tasks", "unknown function in " + name + "; use lc- followed by one of "
                    + BenchmarkFunctions.names()));
            double spread = spread(f);
            var job = new CommandJobSpec(List.of("learning-curve"), Duration.ofMinutes(1), "value", null);
            return new PruneBench.Task(name, f.space(), Direction.MINIMIZE, "value", job,
                    () -> new LearningCurveJob(f, steps, spread));
        }
        for (BundledDataset d : BundledDataset.ALL) {
            if (name.endsWith("-" + d.name())) {
                String model = name.substring(0, name.length() - d.name().length() - 1);
                String metric = d.kind() == TaskKind.CLASSIFICATION ? "accuracy" : "rmse";
                var spec = new InProcessJobSpec(d.name(), model, FOLDS, null);
                catalog.validate(spec, metric);
                SearchSpace space = catalog.defaultSpace(spec, metric);
                return new PruneBench.Task(name, space, InProcessCatalog.metricDirection(metric), metric, spec,
                        () -> new InProcessJobLauncher(catalog, 1, Clock.systemUTC()));
            }
        }
        throw new ConfigException("--tasks", "unknown task " + name + "; use lc-FUNCTION (" + BenchmarkFunctions.names()
                + ") or MODEL-DATASET with a bundled data set (" + BundledDataset.names() + ")");
    }

    /** The function's spread over a fixed Sobol-free grid of random points: the scale of the early gap. */
    static double spread(BenchmarkFunction f) {
        var rng = new java.util.SplittableRandom(17);
        double[] lo = f.lower();
        double[] hi = f.upper();
        double[] v = new double[256];
        for (int i = 0; i < v.length; i++) {
            double[] x = new double[f.dimension()];
            for (int d = 0; d < x.length; d++) {
                x[d] = lo[d] + rng.nextDouble() * (hi[d] - lo[d]);
            }
            v[i] = f.evaluate(x);
        }
        java.util.Arrays.sort(v);
        return v[(int) (0.75 * v.length)] - v[(int) (0.25 * v.length)];
    }
}
