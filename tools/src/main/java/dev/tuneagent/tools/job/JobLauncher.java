package dev.tuneagent.tools.job;

import java.util.concurrent.CompletableFuture;

/**
 * Evaluates one trial. Implementations never throw for a failing training run: every outcome is a
 * {@link JobResult}. Cancelling the returned future stops the job (and kills its processes).
 */
public interface JobLauncher extends AutoCloseable {

    CompletableFuture<JobResult> launch(JobRequest request);

    @Override
    default void close() {
    }
}
