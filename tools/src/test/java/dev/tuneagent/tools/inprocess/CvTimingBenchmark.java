package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.data.TaskKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints seconds per 5-fold CV evaluation of every model at its default settings (a benchmark command,
 * not a test). Run from the repository root after {@code mvn -o -q -pl tools -am test-compile}:
 * <pre>
 * java -cp tools/target/classes:tools/target/test-classes:core/target/classes:$(cat /tmp/tools-cp.txt) \
 *     dev.tuneagent.tools.inprocess.CvTimingBenchmark [repeats [dataset...]]
 * </pre>
 */
public final class CvTimingBenchmark {
    private CvTimingBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        InProcessCatalog catalog = new InProcessCatalog(new Datasets());
        CvEvaluator evaluator = new CvEvaluator(catalog);
        System.out.printf("%-14s %-14s %-9s %9s %9s%n", "model", "dataset", "metric", "value", "s/eval");
        List<String> datasets = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("wine", "breast-cancer", "diabetes");
        for (String dataset : datasets) {
            TaskKind kind = catalog.dataset(new InProcessJobSpec(dataset, "knn", 5, null)).kind();
            String metric = kind == TaskKind.REGRESSION ? "rmse" : "accuracy";
            for (ModelDef m : catalog.models()) {
                if (!m.supports(kind)) {
                    continue;
                }
                InProcessJobSpec spec = new InProcessJobSpec(dataset, m.name(), 5, null);
                // -Dtrees=N times tree ensembles at N trees instead of their defaults
                boolean hasTrees = m.hyperparameters(kind).stream().anyMatch(h -> h.name().equals("trees"));
                Map<String, Object> params = hasTrees && System.getProperty("trees") != null
                        ? Map.of("trees", Long.parseLong(System.getProperty("trees"))) : Map.of();
                evaluator.evaluate(spec, params, metric, 0, () -> false); // warm-up: class loading, JIT
                double[] seconds = new double[repeats];
                double value = 0;
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    value = evaluator.evaluate(spec, params, metric, r + 1, () -> false).get(metric);
                    seconds[r] = (System.nanoTime() - t0) / 1e9;
                }
                Arrays.sort(seconds);
                System.out.printf("%-14s %-14s %-9s %9.4f %9.3f%n", m.name(), dataset, metric, value,
                        seconds[repeats / 2]);
            }
        }
    }
}
