package dev.tuneagent.tools.job;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Evaluates one trial. Implementations never throw for a failing training run: every outcome is a
 * {@link JobResult}. Cancelling the returned future stops the job (and kills its processes).
 */
public interface JobLauncher extends AutoCloseable {

    CompletableFuture<JobResult> launch(JobRequest request);

    /**
     * Follows the job that an earlier run (maybe another process, now dead) started for this trial, when this
     * launcher can find it from the trial's attributes (what {@link JobStartListener} was told): its future
     * completes with that job's result and cancelling it stops the job. Empty when there is nothing to follow
     * (the default; e.g. a command job died with its parent): the trial must be failed and run again. Called
     * only by whoever holds the trial's lease, so a job is never followed twice.
     */
    default Optional<Reattached> reattach(JobRequest request, Map<String, Object> trialAttrs) {
        return Optional.empty();
    }

    /**
     * Who learns where each job runs once it started (a Slurm job id, a command job's process), to store it with the
     * trial so that a run taking the trial over can find the job again ({@link #reattach}, or ending a process left
     * running). The optimization loop registers itself; a launcher whose jobs leave nothing behind ignores it (the
     * default).
     */
    default void onJobStarted(JobStartListener listener) {
    }

    @Override
    default void close() {
    }
}
