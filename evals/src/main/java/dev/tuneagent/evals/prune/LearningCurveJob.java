package dev.tuneagent.evals.prune;

import dev.tuneagent.evals.functions.BenchmarkFunction;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A synthetic training run with a learning curve: over {@code steps} steps the reported value falls towards
 * the benchmark function's value at the configuration, {@code v(s) = f(x) + a(x) * (sqrt(S / s) - 1)}, so
 * {@code v(S) = f(x)}. The gap {@code a(x)} depends on the configuration in a way unrelated to {@code f}, so
 * early values rank configurations only partly right, as real learning curves do (a slow starter can finish
 * best): pruning has something to gain and something to lose. Runs in the caller's thread.
 */
public final class LearningCurveJob implements JobLauncher {
    private final BenchmarkFunction f;
    private final int steps;
    private final double gapScale;

    /** @param gapScale the size of the early gap; about the spread of f over the box makes early ranks noisy */
    public LearningCurveJob(BenchmarkFunction f, int steps, double gapScale) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        this.f = f;
        this.steps = steps;
        this.gapScale = gapScale;
    }

    public int steps() {
        return steps;
    }

    /** The value reported after step s (1-based) at the configuration. */
    public double value(Map<String, ?> config, int s) {
        return f.evaluate(config) + gap(config) * (Math.sqrt((double) steps / s) - 1);
    }

    /** A smooth configuration-dependent gap in [0.1, 1.1] x gapScale, independent of f's shape. */
    double gap(Map<String, ?> config) {
        double[] lo = f.lower();
        double[] hi = f.upper();
        double phase = 0;
        for (int i = 0; i < f.dimension(); i++) {
            double u = (((Number) config.get(BenchmarkFunction.paramName(i))).doubleValue() - lo[i]) / (hi[i] - lo[i]);
            phase += Math.sin(2.7 * (i + 1) * u + 0.9 * i);
        }
        return gapScale * (0.1 + 0.5 * (1 + Math.sin(phase)));
    }

    @Override
    public CompletableFuture<JobResult> launch(JobRequest r) {
        for (int s = 1; s <= steps; s++) {
            double v = value(r.params(), s);
            if (r.reporter().report(s, v)) {
                return CompletableFuture.completedFuture(new JobResult.Pruned(s, v, Duration.ZERO));
            }
        }
        return CompletableFuture.completedFuture(new JobResult.Succeeded(Map.of("value", f.evaluate(r.params())),
                Duration.ZERO));
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
