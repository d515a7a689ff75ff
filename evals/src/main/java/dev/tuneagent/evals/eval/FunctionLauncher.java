package dev.tuneagent.evals.eval;

import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test function as a job launcher, so a synthetic cell goes through the same {@code Optimizer} loop (ask,
 * launch, tell) as {@code tune run}; only the evaluation is an in-process formula instead of a training run.
 * The job spec of the request is ignored: the launcher is built for one instance.
 */
public final class FunctionLauncher implements JobLauncher {
    public static final String METRIC = "value";
    private final SyntheticInstance instance;

    public FunctionLauncher(SyntheticInstance instance) {
        this.instance = instance;
    }

    @Override
    public CompletableFuture<JobResult> launch(JobRequest request) {
        try {
            double own = instance.function().evaluate(instance.point(request.params()));
            return CompletableFuture.completedFuture(new JobResult.Succeeded(Map.of(METRIC, instance.reported(own)),
                    Duration.ZERO));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new JobResult.Failed(e.getMessage(), ""));
        }
    }
}
