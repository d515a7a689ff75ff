package dev.tuneagent.tools.job;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a launched job's future into a {@link JobResult}, whatever happened to the future. */
public final class JobResults {
    private JobResults() {
    }

    /**
     * Waits for the job. A cancelled future becomes {@link JobResult.Cancelled}; a launcher bug (an
     * exception instead of a result) becomes {@link JobResult.Failed} rather than killing the study.
     */
    public static JobResult await(CompletableFuture<JobResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (CancellationException e) {
            return new JobResult.Cancelled("the job was cancelled");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new JobResult.Failed("the launcher failed: " + cause, "");
        }
    }
}
