package dev.tuneagent.core.store;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable home of studies and trials. Every method is atomic: after a crash the store holds either
 * all of a call's effect or none of it. Implementations: SQLite (default, a file), PostgreSQL (many workers), in-memory (tests).
 * All of them pass {@code StudyStoreContract}.
 */
public interface StudyStore extends AutoCloseable {

    /** Creates a study; throws {@link StoreException} if one with that name exists. */
    void createStudy(StudyDefinition definition);

    Optional<StudyDefinition> findStudy(String name);

    /** All studies, oldest first. */
    List<StudySummary> listStudies();

    /**
     * Stores a new RUNNING trial with the next free number (and the proposal's attributes) and returns it. The
     * trial is leased to this store's {@link #owner()} with a first heartbeat.
     */
    Trial startTrial(String study, Proposal proposal, Instant startedAt);

    /**
     * Stores a WAITING trial with the next free number: a configuration to evaluate before any proposer is
     * asked (a user's {@code enqueue:}, an LLM warm-start design, the re-run of an interrupted trial). The
     * proposal's attributes are stored with it. The params are validated against the space.
     */
    Trial enqueueTrial(String study, Proposal proposal, Instant at);

    /**
     * Claims the oldest (lowest-numbered) WAITING trial: it becomes RUNNING since {@code startedAt} in the
     * same transaction, so two writers never claim the same one, and is leased to this store's {@link #owner()}.
     * Empty when nothing waits.
     */
    Optional<Trial> claimWaitingTrial(String study, Instant startedAt);

    /**
     * Finishes a RUNNING trial. Throws {@link IllegalStateException} if the trial is not RUNNING (a
     * finished trial never changes) and {@link StoreException} if it does not exist.
     */
    Trial finishTrial(String study, int number, TrialOutcome outcome, Instant finishedAt);

    /**
     * Appends an intermediate report to a RUNNING trial (attrs {@code intermediate}, see
     * {@link dev.tuneagent.core.prune.Intermediate}). Throws {@link IllegalStateException} when the trial is not
     * RUNNING and {@link IllegalArgumentException} when the step does not increase.
     */
    Trial reportIntermediate(String study, int number, dev.tuneagent.core.prune.Report report);

    /**
     * Adds {@code attrs} to a WAITING or RUNNING trial's attributes (a key given again is replaced) and
     * returns the trial: what a launcher or pruner learns while the trial runs, e.g. the Slurm job id that lets
     * a resumed study re-attach to the job, or a pruner's decision. Throws {@link IllegalStateException} for a
     * finished trial (it never changes) and {@link StoreException} if the trial does not exist.
     */
    Trial putTrialAttrs(String study, int number, Map<String, Object> attrs);

    /**
     * Like {@link #startTrial}, but only while the study holds fewer trials (of any state) than its budget, checked
     * in the same transaction as the numbering: workers that share a study never start more than its budget.
     * Empty when the budget is spoken for.
     */
    Optional<Trial> startTrialWithinBudget(String study, Proposal proposal, Instant startedAt);

    /**
     * This store's identity ({@code host/pid/nonce}, see {@link Owner}): the owner written into the lease of each
     * trial it starts or claims. Each store instance has its own.
     */
    String owner();

    /**
     * A sign of life: refreshes the heartbeat of every RUNNING trial of {@code study} that this store's owner runs
     * (PostgreSQL writes the server's time, the others {@code at}). Returns how many leases were refreshed.
     */
    int heartbeat(String study, Instant at);

    /** The leases of the study's RUNNING trials, ordered by number; {@code now} measures their age (not on PostgreSQL). */
    List<Lease> leases(String study, Instant now);

    /**
     * Fails, with {@code reason}, each trial of {@code leases} that is still RUNNING under the same owner, in one
     * transaction, and returns the trials it changed: what a worker does with the trials of a dead or silent owner
     * before their re-runs are enqueued. A trial finished or re-claimed meanwhile is left alone.
     */
    List<Trial> failLeases(String study, List<Lease> leases, String reason, Instant at);

    /**
     * Takes over, in one transaction, each trial of {@code leases} that is still RUNNING under the same owner: its
     * lease passes to this store's {@link #owner()} with a heartbeat at {@code at} (PostgreSQL: the server's time),
     * and the trials it changed are returned. What a worker does with a dead or silent owner's trial whose job it
     * can follow to its end (a Slurm job still queued or running) instead of failing the trial and running its
     * configuration again. A trial finished, failed or re-claimed meanwhile is left alone, so of several workers
     * that see the same stale lease exactly one gets it.
     */
    List<Trial> claimLeases(String study, List<Lease> leases, Instant at);

    /** Trials of a study ordered by number. */
    List<Trial> trials(String study);

    /** The definition and the trials read in one transaction. */
    StudySnapshot snapshot(String study);

    /**
     * Marks every RUNNING trial FAILED with {@code reason}: what {@code resume} does with the trials a crashed
     * process left behind. WAITING trials stay queued. Returns how many were changed.
     */
    int failPendingTrials(String study, String reason, Instant at);

    /** Where the data lives, for messages (e.g. {@code sqlite:/home/me/tune.db}). */
    String location();

    @Override
    void close();
}
