package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.Study;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.tools.command.OrphanJobs;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.Reattached;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The loop: snapshot -> claim the oldest WAITING trial, or else propose and start one within the budget (RUNNING,
 * with provenance and a lease) -> launch -> tell, until the study holds its budget of finished trials. Up to
 * {@link StudyRun#parallel()} jobs run at once; the next starts as soon as one ends (not in batches). Proposing and
 * storing outcomes happen on the caller's thread only (proposers are not thread safe); the proposer's snapshot holds
 * the RUNNING trials, which it treats as pending points, and the fallback chain never repeats one.
 *
 * <p>Starting a run is also resuming one (see {@link Leases}): trials of dead or silent owners become FAILED and
 * their re-runs are enqueued (see {@link Interruptions}); a study another live process runs is refused unless the
 * run joins as a worker; a study that has not started enqueues its proposer's initial design once
 * (see {@link RunStart}). When the budget is spoken for while other owners' trials still run, the run waits for
 * them and takes over those whose lease goes stale.
 */
public final class Optimizer {
    private static final long JOB_SEED_SALT = 0x6A0B5EEDL;
    /** Study-level: every trial is scored on the same CV folds (common random numbers). */
    private static final long SPLIT_SEED_SALT = 0x5B117F01DL;

    private final StudyStore store;
    private final JobLauncher launcher;
    private final Clock clock;
    private final OptimizerListener listener;
    private final Leasing leasing;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final RunningTrials running = new RunningTrials();
    private volatile boolean cancelled;

    public Optimizer(StudyStore store, JobLauncher launcher, Clock clock, OptimizerListener listener) {
        this(store, launcher, clock, listener, Leasing.standard());
    }

    public Optimizer(StudyStore store, JobLauncher launcher, Clock clock, OptimizerListener listener, Leasing leasing) {
        this.store = store;
        this.launcher = launcher;
        this.clock = clock;
        this.listener = listener == null ? OptimizerListener.NONE : listener;
        this.leasing = leasing;
    }

    /** Runs (or resumes, or joins) the study until its budget is used or {@link #cancel()} is called. Use once. */
    public RunOutcome run(StudyRun run) {
        try {
            return loop(run);
        } finally {
            stopped.countDown();
        }
    }

    /** Stops the run: no trial is started any more, and each running job is cancelled and stored FAILED "interrupted by user". */
    public void cancel() {
        cancelled = true;
        running.cancelAll();
    }

    /** {@link #cancel()}, then waits until the run has stored the interrupted trials (for a shutdown hook). */
    public boolean cancelAndWait(Duration limit) throws InterruptedException {
        cancel();
        return stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private RunOutcome loop(StudyRun run) {
        StudyDefinition def = store.findStudy(run.study())
                .orElseThrow(() -> new StoreException("no study named \"" + run.study() + "\" in " + store.location()));
        Study study = new Study(store, def.name(), clock);
        launcher.onJobStarted(this::jobStarted);
        // Before anything is proposed: trials left RUNNING by a dead or silent owner are followed or re-queued.
        int recovered = takeOver(run, def, Leases.staleAtStart(store, def.name(), leasing.grace(), clock, run.worker()),
                true);
        RunStart.enqueueInitialDesign(store, def.name(), run.proposer(), clock);
        int started = 0;
        boolean exhausted = false;
        boolean interrupted = false;
        try (Heartbeat beat = Heartbeat.start(store, def.name(), clock, running::size, leasing.heartbeatEvery())) {
            while (true) {
                StudySnapshot snap = study.snapshot();
                boolean stop = cancelled || exhausted || finished(snap) >= def.budget()
                        || (run.resource() != null && Resources.used(snap) >= run.resource());
                if (!stop && running.size() < run.parallel()) {
                    // Queued configurations (the user's, a warm-start design, re-runs) come before any proposal.
                    Trial trial = study.claimWaiting().orElse(null);
                    if (trial == null && snap.trials().size() < def.budget()) {
                        Proposal proposal = proposeAfresh(run, study, snap);
                        if (proposal == null) {
                            exhausted = true;
                            continue;
                        }
                        trial = store.startTrialWithinBudget(def.name(), new Proposal(def.space().coerce(
                                proposal.params()), proposal.provenance(), proposal.attrs()), clock.instant()).orElse(null);
                    }
                    if (trial != null) {
                        started++;
                        Trial begun = trial;
                        notify(() -> listener.trialStarted(begun, def.budget()));
                        PruningReporter reporter = reporter(run, trial, snap);
                        running.add(trial, launch(run, def, trial, reporter), reporter);
                        if (cancelled) {
                            running.cancelAll(); // a Ctrl-C that came while this job was being launched
                        }
                        continue;
                    }
                }
                if (stop && running.isEmpty()) {
                    return new RunOutcome(!cancelled, started, recovered, snap, exhausted && !cancelled);
                }
                try {
                    if (running.isEmpty()) {
                        // The budget is spoken for by other owners' trials: wait for them, take over the silent ones.
                        recovered += takeOverStale(run, def);
                        leasing.pause().sleep(leasing.poll());
                        continue;
                    }
                    RunningTrials.Ended ended = running.next(leasing.poll());
                    if (ended == null) {
                        recovered += takeOverStale(run, def);
                        continue;
                    }
                    store(study, def, ended);
                } catch (InterruptedException e) {
                    // Ctrl-C through the terminal interrupts this thread: stop like cancel(), keep the flag for the caller.
                    interrupted = true;
                    cancel();
                }
            }
        } catch (RuntimeException e) {
            abandon(study, def);
            throw e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * An exception leaves the loop (a replay mismatch, a store failure) while jobs run: they are cancelled and their
     * trials stored as interrupted by user, so no job keeps running without an owner and resume re-runs them. If
     * storing fails too, the trials stay RUNNING and their lease goes stale: the next start takes them over.
     */
    private void abandon(Study study, StudyDefinition def) {
        cancelled = true;
        running.cancelAll();
        try {
            while (!running.isEmpty()) {
                RunningTrials.Ended ended = running.next(Duration.ofSeconds(1));
                if (ended != null) {
                    store(study, def, ended);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the original exception is the one to report
        }
    }

    /**
     * Ends the jobs that trials taken from a dead or silent owner left running on this host (a killed tune's command
     * jobs), before their re-runs start beside them; a job on another host is only reported.
     */
    private void endLeftRunning(List<Trial> given) {
        if (!given.isEmpty()) {
            OrphanJobs.onThisHost(note -> notify(() -> listener.notice(note))).endAll(given);
        }
    }

    private static long finished(StudySnapshot snap) {
        return snap.trials().stream().filter(t -> t.state().isFinished()).count();
    }

    private int takeOverStale(StudyRun run, StudyDefinition def) {
        if (cancelled) {
            return 0;
        }
        List<Lease> stale = Leases.staleOfOthers(store, def.name(), leasing.grace(), clock);
        // Called every poll while a run waits: nothing more is read or written unless a lease is stale.
        return stale.isEmpty() ? 0 : takeOver(run, def, stale, false);
    }

    /**
     * Takes the trials of {@code stale} leases: a trial whose job the launcher can re-attach to (a Slurm job that a
     * killed run left queued or running) is claimed and followed to its end like a job of this run, so it is neither
     * submitted twice nor left running unowned; every other one is failed as interrupted, its re-run enqueued, and
     * its job on this host ended. {@code atStart}: also enqueues missing re-runs when no lease is stale. Returns how
     * many trials were taken.
     */
    private int takeOver(StudyRun run, StudyDefinition def, List<Lease> stale, boolean atStart) {
        List<Lease> rest = new ArrayList<>(stale);
        List<Trial> followed = cancelled ? List.of() : follow(run, def, rest);
        List<Trial> failed = atStart || !rest.isEmpty() ? Leases.fail(store, def.name(), rest, clock) : List.of();
        if (!failed.isEmpty()) {
            notify(() -> listener.recovered(failed));
        }
        endLeftRunning(failed);
        return followed.size() + failed.size();
    }

    /**
     * Claims the trials of {@code leases} whose jobs the launcher can follow and adds those jobs to the running ones;
     * returns the trials followed and leaves in {@code leases} what is still to fail: the leases not claimed (another
     * worker's now, or nothing to follow) and, held by this run now, the claimed trials the launcher declined.
     */
    private List<Trial> follow(StudyRun run, StudyDefinition def, List<Lease> leases) {
        if (leases.isEmpty()) {
            return List.of();
        }
        StudySnapshot snap = store.snapshot(def.name());
        Map<Integer, Trial> trials = snap.trials().stream().collect(Collectors.toMap(Trial::number, t -> t));
        List<Lease> worth = leases.stream().filter(l -> {
            Trial t = trials.get(l.number());
            return t != null && t.state() == TrialState.RUNNING && !t.attrs().isEmpty();
        }).toList();
        if (worth.isEmpty()) {
            return List.of();
        }
        List<Trial> followed = new ArrayList<>();
        for (Trial trial : store.claimLeases(def.name(), worth, clock.instant())) {
            leases.removeIf(l -> l.number() == trial.number());
            PruningReporter reporter = reporter(run, trial, snap);
            Optional<Reattached> job;
            try {
                job = launcher.reattach(request(run, def, trial, reporter), trial.attrs());
            } catch (RuntimeException e) {
                notify(() -> listener.warning("trial #" + trial.number() + ": cannot follow its job ("
                        + shortMessage(e) + "); it is run again"));
                job = Optional.empty();
            }
            if (job.isEmpty()) {
                leases.add(new Lease(trial.number(), store.owner(), null, null));
                continue;
            }
            String what = job.get().job();
            notify(() -> listener.notice("Trial #" + trial.number() + ": re-attaching to " + what
                    + " (started by a run that stopped; not submitted again)"));
            notify(() -> listener.trialStarted(trial, def.budget()));
            running.add(trial, job.get().result(), reporter);
            followed.add(trial);
            if (cancelled) {
                running.cancelAll();
            }
        }
        return followed;
    }

    private void store(Study study, StudyDefinition def, RunningTrials.Ended ended) {
        Trial trial = ended.trial();
        PruningReporter reporter = ended.reporter();
        TrialOutcome outcome = Outcomes.of(ended.result(), def.metric(), cancelled);
        if (outcome.state() == TrialState.PRUNED && reporter != null && reporter.decision().prune()) {
            outcome = TrialOutcome.pruned(outcome.value() == null ? Double.NaN : outcome.value(),
                    reporter.decision().reason());
        }
        Trial done;
        try {
            done = study.tell(trial.number(), outcome);
        } catch (IllegalStateException late) {
            // Another worker found this run silent for longer than the grace period and failed the trial; its re-run
            // replaces it, so this result is dropped rather than overwriting what the study already holds.
            TrialOutcome lost = outcome;
            notify(() -> listener.warning("trial #" + trial.number() + " ended (" + describe(lost) + ") after another"
                    + " worker had taken it over (no heartbeat from this run for longer than the grace period, "
                    + leasing.grace().toSeconds() + " s); its result is not stored, the re-run replaces it"));
            return;
        }
        StudySnapshot after = study.snapshot();
        notify(() -> listener.trialFinished(done, after));
    }

    private static String describe(TrialOutcome o) {
        return o.value() != null ? "value " + o.value() : o.state().toString().toLowerCase();
    }

    /**
     * The proposer's first proposal. The proposer runs inside its {@link dev.tuneagent.agent.proposers.FallbackChain},
     * the only place a failed proposal is handled, so nothing is caught here: an empty answer is the typed
     * "exhausted" result (null: every configuration of a discrete space was tried or is running), and an exception
     * that leaves the chain (a {@code CassetteMiss} in replay) stops the run before a trial is started, so the study
     * stays resumable.
     */
    private static Proposal propose(StudyRun run, StudySnapshot snap) {
        List<Proposal> proposals = run.proposer().propose(snap, 1);
        return proposals.isEmpty() ? null : proposals.get(0);
    }

    /**
     * A proposal that no trial holds yet. Other workers may have started trials since {@code snap} was read, and a
     * deterministic proposer given the same history proposes the same point; when one of them took this very
     * configuration, the proposer is asked again on the study as it is now (a few times at most: the store cannot
     * check configurations atomically, so this narrows the race between workers rather than closing it).
     */
    private static Proposal proposeAfresh(StudyRun run, Study study, StudySnapshot snap) {
        Proposal proposal = propose(run, snap);
        for (int attempt = 0; attempt < 3 && proposal != null; attempt++) {
            StudySnapshot now = study.snapshot();
            if (now.trials().size() == snap.trials().size() || !repeats(now, proposal)) {
                return proposal;
            }
            snap = now;
            proposal = propose(run, snap);
        }
        return proposal;
    }

    private static boolean repeats(StudySnapshot snap, Proposal p) {
        var params = snap.space().coerce(p.params());
        return snap.trials().stream().anyMatch(t -> snap.space().sameConfig(t.params(), params));
    }

    /** Null when nobody needs the trial's intermediate reports (no pruner, no resource budget). */
    private PruningReporter reporter(StudyRun run, Trial trial, StudySnapshot before) {
        if (run.pruner() == dev.tuneagent.core.prune.Pruner.NONE && run.resource() == null) {
            return null;
        }
        long left = run.resource() == null ? Long.MAX_VALUE : run.resource() - Resources.used(before);
        return new PruningReporter(store, run.study(), trial.number(), run.pruner(), left);
    }

    /**
     * Stores where a trial's job runs (its Slurm job id, its process) with the trial, as soon as the job started, so
     * that whoever takes the trial over after this run died re-attaches to the job or ends it, instead of running the
     * configuration beside it. Called on launcher threads; the store is thread safe.
     */
    private void jobStarted(JobRequest request, Map<String, Object> attrs) {
        try {
            store.putTrialAttrs(request.study(), request.trial(), attrs);
        } catch (IllegalStateException finished) {
            // Cancelled (Ctrl-C) and stored before the launcher got here: a finished trial has no job to find again.
        } catch (RuntimeException e) {
            // The store failed: the job goes on, only a takeover after this run's death would not find it.
            notify(() -> listener.warning("trial #" + request.trial() + ": where its job runs was not stored ("
                    + shortMessage(e) + "); if this run dies, the job is not found again"));
        }
    }

    /** What the launcher is given for the trial: its configuration, seeds derived from the study's, its directory. */
    private static JobRequest request(StudyRun run, StudyDefinition def, Trial trial, PruningReporter reporter) {
        Path dir = run.studyDir().resolve(String.format("trial-%04d", trial.number()));
        long seed = Seeds.mix(def.seed(), trial.number(), JOB_SEED_SALT);
        return new JobRequest(def.name(), trial.number(), trial.params(), run.job(), def.metric(), seed,
                Seeds.mix(def.seed(), SPLIT_SEED_SALT), dir, reporter);
    }

    /** The trial's job; a launcher that fails to start it gives an already failed job, never an exception. */
    private CompletableFuture<JobResult> launch(StudyRun run, StudyDefinition def, Trial trial, PruningReporter reporter) {
        try {
            JobRequest request = request(run, def, trial, reporter);
            Files.createDirectories(request.workDir());
            CompletableFuture<JobResult> job = launcher.launch(request);
            if (cancelled) {
                job.cancel(true);
            }
            return job;
        } catch (IOException e) {
            return CompletableFuture.completedFuture(
                    new JobResult.Failed("cannot create the trial directory: " + e.getMessage(), ""));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new JobResult.Failed("the job launcher failed: " + shortMessage(e), ""));
        }
    }

    static String shortMessage(Throwable e) {
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
