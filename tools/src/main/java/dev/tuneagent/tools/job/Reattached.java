package dev.tuneagent.tools.job;

import java.util.concurrent.CompletableFuture;

/**
 * A job an earlier run started, followed again by {@link JobLauncher#reattach}.
 *
 * @param job    what is followed, for people (e.g. {@code Slurm job 4711})
 * @param result completes with the job's result; cancelling it stops the job
 */
public record Reattached(String job, CompletableFuture<JobResult> result) {
}
