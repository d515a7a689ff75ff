package dev.tuneagent.agent.loop;

import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A launcher whose jobs end when the test says so, for the parallel loop tests: the test waits for launches
 * (conditions, never sleeps that assert speed) and completes jobs in any order it likes.
 */
final class ControlledJobs implements JobLauncher {
    record Job(JobRequest request, CompletableFuture<JobResult> future) {
    }

    private final List<Job> jobs = new ArrayList<>();
    private int mostAtOnce;

    @Override
    public synchronized CompletableFuture<JobResult> launch(JobRequest request) {
        CompletableFuture<JobResult> f = new CompletableFuture<>();
        jobs.add(new Job(request, f));
        mostAtOnce = Math.max(mostAtOnce, (int) jobs.stream().filter(j -> !j.future().isDone()).count());
        notifyAll();
        return f;
    }

    synchronized int launched() {
        return jobs.size();
    }

    /** The most jobs that were running at once, counted at each launch. */
    synchronized int mostAtOnce() {
        return mostAtOnce;
    }

    synchronized Job job(int trial) {
        return jobs.stream().filter(j -> j.request().trial() == trial).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("trial " + trial + " was never launched; launched: "
                        + jobs.stream().map(j -> j.request().trial()).toList()));
    }

    synchronized void awaitLaunched(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jobs.size() < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " launches, saw " + jobs.size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Ends trial {@code trial}'s job with loss {@code value}. */
    void succeed(int trial, double value) {
        job(trial).future().complete(new JobResult.Succeeded(Map.of("loss", value), Duration.ZERO));
    }

    synchronized List<Integer> runningTrials() {
        return jobs.stream().filter(j -> !j.future().isDone()).map(j -> j.request().trial()).toList();
    }

    /** Waits (bounded) until {@code condition} holds: the loop works on its own thread. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(2);
        }
    }

    static long count(StudyStore store, String study, dev.tuneagent.core.study.TrialState state) {
        return store.trials(study).stream().map(Trial::state).filter(state::equals).count();
    }
}
