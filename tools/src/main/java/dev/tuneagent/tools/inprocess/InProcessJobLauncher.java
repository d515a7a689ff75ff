package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains Tribuo models inside this JVM ({@code job: {type: inprocess}}). The objective is the CV mean of
 * the request's metric; the result also carries every other metric's mean and {@code _std}. Cancelling
 * the future stops the job at the next fold boundary (Tribuo cannot interrupt a training call).
 */
public final class InProcessJobLauncher implements JobLauncher {
    private final CvEvaluator evaluator;
    private final ExecutorService pool;
    private final Clock clock;

    public InProcessJobLauncher() {
        this(new InProcessCatalog(new Datasets()), 1, Clock.systemUTC());
    }

    /** @param parallelism how many trials may train at once (each uses one core) */
    public InProcessJobLauncher(InProcessCatalog catalog, int parallelism, Clock clock) {
        this.evaluator = new CvEvaluator(catalog);
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "inprocess-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<JobResult> launch(JobRequest request) {
        if (!(request.spec() instanceof InProcessJobSpec spec)) {
            throw new IllegalArgumentException("InProcessJobLauncher runs type: inprocess jobs, got type: "
                    + request.spec().type());
        }
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        pool.execute(() -> {
            if (!result.isDone()) {
                result.complete(run(spec, request, result::isCancelled));
            }
        });
        return result;
    }

    private JobResult run(InProcessJobSpec spec, JobRequest request, java.util.function.BooleanSupplier cancelled) {
        Instant start = clock.instant();
        try {
            Map<String, Double> metrics = evaluator.evaluate(spec, request.params(), request.objective(),
                    request.splitSeed(), Seeds.mix(request.seed(), 2), cancelled, reportFolds(request));
            Double objective = metrics.get(request.objective());
            if (objective == null || !Double.isFinite(objective)) {
                return new JobResult.Failed("the cross-validated " + request.objective() + " is " + objective
                        + " (did the model diverge? try a smaller learning_rate or other settings)", "");
            }
            return new JobResult.Succeeded(finite(metrics), Duration.between(start, clock.instant()));
        } catch (PrunedAtFold p) {
            return new JobResult.Pruned(p.step, p.value, Duration.between(start, clock.instant()));
        } catch (ConfigException e) {
            return new JobResult.Failed(e.getMessage(), "");
        } catch (CancellationException e) {
            return new JobResult.Cancelled("the job was cancelled");
        } catch (RuntimeException | LinkageError e) {
            // Tribuo, LibSVM and XGBoost report bad settings and numerical trouble this way.
            return new JobResult.Failed(spec.model() + " training failed: " + e, stackTail(e));
        }
    }

    /** Each fold is a step; the report is the objective's mean over the folds so far. */
    private static FoldListener reportFolds(JobRequest request) {
        if (request.reporter() == dev.tuneagent.tools.job.Reporter.NONE) {
            return FoldListener.NONE;
        }
        return (done, means) -> {
            Double v = means.get(request.objective());
            if (v != null && Double.isFinite(v) && request.reporter().report(done, v)) {
                throw new PrunedAtFold(done, v);
            }
        };
    }

    /** Unwinds the cross-validation loop when the reporter prunes the trial; not an error. */
    private static final class PrunedAtFold extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int step;
        final double value;

        PrunedAtFold(int step, double value) {
            super(null, null, false, false);
            this.step = step;
            this.value = value;
        }
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String stackTail(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 2000; t = t.getCause()) {
            b.append(t).append('\n');
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(5, st.length); i++) {
                b.append("    at ").append(st[i]).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
