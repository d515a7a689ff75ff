package dev.tuneagent.core.prune;

/**
 * One intermediate report of a running trial: the objective's value after {@code step} units of resource
 * (a CV fold, a boosting round, an epoch). Steps are positive and strictly increasing within a trial.
 */
public record Report(int step, double value) {
    public Report {
        if (step < 0) {
            throw new IllegalArgumentException("a report's step must be >= 0, got " + step);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a report's value must be a finite number, got " + value);
        }
    }
}
