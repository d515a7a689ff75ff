package dev.tuneagent.core.study;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.StoreLockedException;
import dev.tuneagent.core.store.StudyStore;
import java.time.Clock;
import java.time.Duration;

/** Ask/tell over a store: the narrow API the optimizer loop and user code use. */
public final class Study {
    private final StudyStore store;
    private final String name;
    private final Clock clock;
    private final TellRetry retry;

    /** Retries a tell on a locked store the standard way, with a line on stderr per retry. */
    public Study(StudyStore store, String name, Clock clock) {
        this(store, name, clock, TellRetry.standard(line -> {
            System.err.println("tune: " + line);
            System.err.flush();
        }));
    }

    public Study(StudyStore store, String name, Clock clock, TellRetry retry) {
        this.store = store;
        this.name = name;
        this.clock = clock;
        this.retry = retry;
    }

    public String name() {
        return name;
    }

    public StudySnapshot snapshot() {
        return store.snapshot(name);
    }

    /** Validates the proposal against the space and stores it as a RUNNING trial with its attributes. */
    public Trial ask(Proposal proposal) {
        var space = store.findStudy(name).orElseThrow().space();
        var params = space.coerce(proposal.params());
        return store.startTrial(name, new Proposal(params, proposal.provenance(), proposal.attrs()), clock.instant());
    }

    /** The oldest WAITING trial, now RUNNING; empty when nothing is queued. */
    public java.util.Optional<Trial> claimWaiting() {
        return store.claimWaitingTrial(name, clock.instant());
    }

    /**
     * Stores a finished trial's outcome. While another writer holds the store's lock the tell is retried (see
     * {@link TellRetry}); if the lock outlasts every attempt, or the wait is interrupted, the exception says what
     * the result was, and the trial stays RUNNING so a resume re-runs it.
     */
    public Trial tell(int number, TrialOutcome outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.finishTrial(name, number, outcome, clock.instant());
            } catch (StoreLockedException e) {
                if (attempt >= retry.attempts()) {
                    throw lost(number, outcome, attempt + " attempts", e);
                }
                Duration pause = retry.pauseAfter(attempt);
                retry.notice().accept("the study store is locked by another process; storing trial #" + number
                        + " again in " + pause.toSeconds() + " s (attempt " + (attempt + 1) + " of " + retry.attempts()
                        + ")");
                try {
                    retry.sleeper().sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw lost(number, outcome, "interrupted after " + attempt + " attempts", e);
                }
            }
        }
    }

    private StoreLockedException lost(int number, TrialOutcome outcome, String tries, StoreLockedException e) {
        String result = outcome.value() != null ? "value " + outcome.value() : outcome.state().toString().toLowerCase()
                + (outcome.message() == null ? "" : " (" + outcome.message() + ")");
        return new StoreLockedException("trial #" + number + " of study \"" + name + "\" finished with " + result
                + ", but storing it failed (" + tries + "): " + e.getMessage() + ". The trial stays RUNNING; `tune"
                + " resume " + name + "` evaluates it again", e);
    }
}
