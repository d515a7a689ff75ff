package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.Study;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.tools.command.OrphanJobs;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The loop: snapshot -> claim the oldest WAITING trial, or else propose and ask (RUNNING, with provenance)
 * -> launch -> tell, until the study holds its budget of finished trials. Starting a run is also resuming
 * one: trials a crash left RUNNING become FAILED and their re-runs are enqueued (see {@link Interruptions});
 * a study that has not started enqueues its proposer's initial design once (see {@link RunStart}).
 */
public final class Optimizer {
    private static final long JOB_SEED_SALT = 0x6A0B5EEDL;
    /** Study-level: every trial is scored on the same CV folds (common random numbers). */
    private static final long SPLIT_SEED_SALT = 0x5B117F01DL;

    private final StudyStore store;
    private final JobLauncher launcher;
    private final Clock clock;
    private final OptimizerListener listener;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile CompletableFuture<JobResult> current;

    public Optimizer(StudyStore store, JobLauncher launcher, Clock clock, OptimizerListener listener) {
        this.store = store;
        this.launcher = launcher;
        this.clock = clock;
        this.listener = listener == null ? OptimizerListener.NONE : listener;
    }

    /** Runs (or resumes) the study until its budget is used or {@link #cancel()} is called. Use once. */
    public RunOutcome run(StudyRun run) {
        try {
            return loop(run);
        } finally {
            stopped.countDown();
        }
    }

    /** Stops the run: the running job is cancelled and its trial stored FAILED "interrupted by user". */
    public void cancel() {
        cancelled = true;
        CompletableFuture<JobResult> job = current;
        if (job != null) {
            job.cancel(true);
        }
    }

    /** {@link #cancel()}, then waits until the run has stored the interrupted trial (for a shutdown hook). */
    public boolean cancelAndWait(Duration limit) throws InterruptedException {
        cancel();
        return stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private RunOutcome loop(StudyRun run) {
        StudyDefinition def = store.findStudy(run.study())
                .orElseThrow(() -> new StoreException("no study named \"" + run.study() + "\" in " + store.location()));
        Study study = new Study(store, def.name(), clock);
        List<Trial> left = store.snapshot(def.name()).trials().stream()
                .filter(t -> t.state() == TrialState.RUNNING).toList();
        int recovered = left.isEmpty() ? 0 : store.failPendingTrials(def.name(), Interruptions.FOUND_AT_RESUME, clock.instant());
        if (recovered > 0) {
            List<Integer> numbers = left.stream().map(Trial::number).toList();
            notify(() -> listener.recovered(store.trials(def.name()).stream()
                    .filter(t -> numbers.contains(t.number())).toList()));
        }
        OrphanJobs.onThisHost(note -> notify(() -> listener.notice(note))).endAll(left); // and the jobs they left running
        RunStart.enqueueReruns(store, def.name(), clock);
        RunStart.enqueueInitialDesign(store, def.name(), run.proposer(), clock);
        int started = 0;
        while (true) {
            StudySnapshot snap = study.snapshot();
            if (snap.trials().stream().filter(t -> t.state().isFinished()).count() >= def.budget() || cancelled
                    || (run.resource() != null && Resources.used(snap) >= run.resource())) {
                return new RunOutcome(!cancelled, started, recovered, snap);
            }
            // Queued configurations (the user's, a warm-start design, re-runs) come before any proposal.
            Trial trial = study.claimWaiting().orElse(null);
            if (trial == null) {
                Proposal proposal = propose(run, snap);
                if (proposal == null) {
                    return new RunOutcome(true, started, recovered, snap, true);
                }
                trial = study.ask(proposal);
            }
            started++;
            Trial running = trial;
            notify(() -> listener.trialStarted(running, def.budget()));
            PruningReporter reporter = reporter(run, trial, snap);
            JobResult result = evaluate(run, def, trial, reporter);
            TrialOutcome outcome = Outcomes.of(result, def.metric(), cancelled);
            if (outcome.state() == dev.tuneagent.core.study.TrialState.PRUNED && reporter != null
                    && reporter.decision().prune()) {
                outcome = TrialOutcome.pruned(outcome.value() == null ? Double.NaN : outcome.value(),
                        reporter.decision().reason());
            }
            Trial done = study.tell(trial.number(), outcome);
            StudySnapshot after = study.snapshot();
            notify(() -> listener.trialFinished(done, after));
        }
    }

    /**
     * The proposer's first proposal. The proposer runs inside its {@link dev.tuneagent.agent.proposers.FallbackChain},
     * the only place a failed proposal is handled, so nothing is caught here: an empty answer is the typed
     * "exhausted" result (null: every configuration of a discrete space was tried), and an exception that leaves the
     * chain (a {@code CassetteMiss} in replay) stops the run before a trial is started, so the study stays resumable.
     */
    private static Proposal propose(StudyRun run, StudySnapshot snap) {
        List<Proposal> proposals = run.proposer().propose(snap, 1);
        return proposals.isEmpty() ? null : proposals.get(0);
    }

    /** Null when nobody needs the trial's intermediate reports (no pruner, no resource budget). */
    private PruningReporter reporter(StudyRun run, Trial trial, StudySnapshot before) {
        if (run.pruner() == dev.tuneagent.core.prune.Pruner.NONE && run.resource() == null) {
            return null;
        }
        long left = run.resource() == null ? Long.MAX_VALUE : run.resource() - Resources.used(before);
        return new PruningReporter(store, run.study(), trial.number(), run.pruner(), left);
    }

    private JobResult evaluate(StudyRun run, StudyDefinition def, Trial trial, PruningReporter reporter) {
        CompletableFuture<JobResult> job = null;
        try {
            Path dir = run.studyDir().resolve(String.format("trial-%04d", trial.number()));
            Files.createDirectories(dir);
            long seed = Seeds.mix(def.seed(), trial.number(), JOB_SEED_SALT);
            job = launcher.launch(new JobRequest(def.name(), trial.number(), trial.params(), run.job(), def.metric(),
                    seed, Seeds.mix(def.seed(), SPLIT_SEED_SALT), dir, reporter));
            current = job;
            if (cancelled) {
                job.cancel(true);
            }
            return job.get();
        } catch (CancellationException e) {
            return new JobResult.Cancelled(Interruptions.BY_USER);
        } catch (InterruptedException e) {
            job.cancel(true);
            cancelled = true;
            Thread.currentThread().interrupt();
            return new JobResult.Cancelled(Interruptions.BY_USER);
        } catch (ExecutionException e) {
            return new JobResult.Failed("the job launcher failed: " + shortMessage(e.getCause()), "");
        } catch (IOException e) {
            return new JobResult.Failed("cannot create the trial directory: " + e.getMessage(), "");
        } catch (RuntimeException e) {
            return new JobResult.Failed("the job launcher failed: " + shortMessage(e), "");
        } finally {
            current = null;
        }
    }

    private static String shortMessage(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // A listener must not break the study.
        }
    }
}
