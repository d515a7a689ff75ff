package dev.tuneagent.tools.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.data.TaskKind;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessJobLauncherTest {
    final InProcessCatalog catalog = new InProcessCatalog(new Datasets());
    final InProcessJobLauncher launcher = new InProcessJobLauncher(catalog, 1, Clock.systemUTC());
    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        launcher.close();
    }

    JobResult run(InProcessJobSpec spec, Map<String, Object> params, String metric, long seed) throws Exception {
        return JobResults.await(launcher.launch(new JobRequest("s", 0, params, spec, metric, seed, seed, tmp)));
    }

    static Map<String, Double> metrics(JobResult r) {
        assertThat(r).isInstanceOf(JobResult.Succeeded.class);
        return ((JobResult.Succeeded) r).metrics();
    }

    /** Small settings keep the suite fast; the defaults are timed by CvTimingBenchmark instead. */
    static Map<String, Object> small(String model) {
        return switch (model) {
            case "random-forest" -> Map.of("trees", 10L);
            case "adaboost" -> Map.of("estimators", 10L);
            case "xgboost" -> Map.of("trees", 10L);
            default -> Map.of();
        };
    }

    @Test
    void everyModelLearnsEveryKindOfTaskItSupports() throws Exception {
        for (ModelDef m : catalog.models()) {
            for (TaskKind kind : m.kinds()) {
                boolean classify = kind == TaskKind.CLASSIFICATION;
                InProcessJobSpec spec = new InProcessJobSpec(classify ? "iris" : "diabetes", m.name(), 3, null);
                Map<String, Double> metrics = metrics(run(spec, small(m.name()), classify ? "accuracy" : "r2", 7));
                if (classify) {
                    assertThat(metrics.get("accuracy")).as(m.name()).isGreaterThan(0.8);
                    assertThat(metrics).containsKeys("accuracy_std", "f1", "f1_std");
                } else {
                    assertThat(metrics.get("r2")).as(m.name()).isGreaterThan(0.1); // a constant guess scores <= 0
                    assertThat(metrics.get("rmse")).as(m.name()).isBetween(40.0, 80.0);
                    assertThat(metrics).containsKeys("r2_std", "mae", "mae_std", "rmse_std");
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameMetrics() throws Exception {
        for (String model : new String[] {"random-forest", "xgboost", "logistic", "adaboost"}) {
            InProcessJobSpec spec = new InProcessJobSpec("wine", model, 3, null);
            assertThat(metrics(run(spec, small(model), "accuracy", 11)))
                    .as(model).isEqualTo(metrics(run(spec, small(model), "accuracy", 11)));
        }
    }

    @Test
    void logLossAsTheObjectiveTurnsOnSvmProbabilities() throws Exception {
        InProcessJobSpec spec = new InProcessJobSpec("iris", "svm", 3, null);
        assertThat(metrics(run(spec, Map.of(), "accuracy", 1))).doesNotContainKey("log-loss");
        assertThat(metrics(run(spec, Map.of(), "log-loss", 1)).get("log-loss")).isBetween(0.0, 0.5);
    }

    @Test
    void aUsersCsvTrainsAsClassificationOrRegressionAsTheMetricSays() throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,score\n");
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 150; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            csv.append(a).append(',').append(b).append(',').append(a + 2 * b > 1.5 ? 1 : 0).append('\n');
        }
        Path file = tmp.resolve("users.csv");
        Files.writeString(file, csv);
        InProcessJobSpec spec = new InProcessJobSpec(file.toString(), "knn", 3, "score");
        assertThat(metrics(run(spec, Map.of(), "accuracy", 1)).get("accuracy")).isGreaterThan(0.75);
        assertThat(metrics(run(spec, Map.of(), "rmse", 1))).containsKeys("rmse", "r2");
    }

    @Test
    void anUnknownParameterFailsTheTrialNamingIt() throws Exception {
        JobResult r = run(new InProcessJobSpec("iris", "knn", 3, null), Map.of("neighbours", 3L), "accuracy", 1);
        assertThat(r).isInstanceOf(JobResult.Failed.class);
        assertThat(((JobResult.Failed) r).reason())
                .isEqualTo("space.neighbours: knn (classification) has no parameter \"neighbours\"; its parameters are k, distance");
    }

    @Test
    void aBadDataSetFailsTheTrialWithTheConfigMessage() throws Exception {
        JobResult r = run(new InProcessJobSpec("nope", "knn", 3, null), Map.of(), "accuracy", 1);
        assertThat(((JobResult.Failed) r).reason()).startsWith("job.dataset: unknown data set \"nope\"");
    }

    @Test
    void aCancelledJobReadsAsCancelledAndTheLauncherKeepsWorking() throws Exception {
        var future = launcher.launch(new JobRequest("s", 0, Map.of(), new InProcessJobSpec("digits", "svm", 5, null),
                "accuracy", 1, 1, tmp));
        future.cancel(true);
        assertThat(JobResults.await(future)).isInstanceOf(JobResult.Cancelled.class);
        assertThat(run(new InProcessJobSpec("iris", "knn", 3, null), Map.of(), "accuracy", 1))
                .isInstanceOf(JobResult.Succeeded.class);
    }
}
