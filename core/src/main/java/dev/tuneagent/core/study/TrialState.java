package dev.tuneagent.core.study;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a trial as an explicit state machine: WAITING (queued) -> RUNNING -> one of the
 * finished states. A finished trial never changes again.
 */
public enum TrialState {
    WAITING, RUNNING, COMPLETE, FAILED, PRUNED;

    public boolean isFinished() {
        return this == COMPLETE || this == FAILED || this == PRUNED;
    }

    public Set<TrialState> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(RUNNING, FAILED);
            case RUNNING -> EnumSet.of(COMPLETE, FAILED, PRUNED);
            default -> EnumSet.noneOf(TrialState.class);
        };
    }

    public boolean canBecome(TrialState target) {
        return next().contains(target);
    }

    /** Throws when the transition is not allowed, naming both states. */
    public void checkTransition(TrialState target, int trialNumber) {
        if (!canBecome(target)) {
            throw new IllegalStateException("trial " + trialNumber + " is " + this + " and cannot become " + target);
        }
    }
}
