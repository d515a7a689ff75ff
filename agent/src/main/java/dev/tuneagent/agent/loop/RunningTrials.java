package dev.tuneagent.agent.loop;

import dev.tuneagent.core.study.Trial;
import dev.tuneagent.tools.job.JobResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The jobs one run has in flight. Jobs end on launcher threads; their results are queued here and taken by the
 * loop's own thread, the only one that talks to the proposer and stores outcomes.
 */
final class RunningTrials {
    /** A job that ended: its trial, the result (never an exception) and the trial's pruning reporter (or null). */
    record Ended(Trial trial, JobResult result, PruningReporter reporter) {
    }

    private record Job(Trial trial, CompletableFuture<JobResult> future, PruningReporter reporter) {
    }

    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final LinkedBlockingQueue<Ended> ended = new LinkedBlockingQueue<>();

    synchronized int size() {
        return jobs.size();
    }

    synchronized boolean isEmpty() {
        return jobs.isEmpty();
    }

    /** Tracks {@code future}; when it ends (or is cancelled) its result is queued for {@link #next}. */
    void add(Trial trial, CompletableFuture<JobResult> future, PruningReporter reporter) {
        synchronized (this) {
            jobs.put(trial.number(), new Job(trial, future, reporter));
        }
        future.whenComplete((r, e) -> ended.add(new Ended(trial, r != null ? r : asResult(e), reporter)));
    }

    /** The next ended job, waiting at most {@code limit} (null when none ended meanwhile). */
    Ended next(Duration limit) throws InterruptedException {
        Ended e = ended.poll(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        if (e != null) {
            synchronized (this) {
                jobs.remove(e.trial().number());
            }
        }
        return e;
    }

    /** Cancels every job still running (their cancellations arrive through {@link #next}). */
    void cancelAll() {
        List<Job> all;
        synchronized (this) {
            all = new ArrayList<>(jobs.values());
        }
        all.forEach(j -> j.future().cancel(true));
    }

    private static JobResult asResult(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CancellationException) {
            return new JobResult.Cancelled(Interruptions.BY_USER);
        }
        return new JobResult.Failed("the job launcher failed: " + Optimizer.shortMessage(cause), "");
    }
}
