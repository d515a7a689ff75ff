package dev.tuneagent.core.study;

import java.util.Map;

/** What a finished evaluation reports back to the study. */
public record TrialOutcome(TrialState state, Double value, Map<String, Double> metrics, String message) {

    public TrialOutcome {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("an outcome must be COMPLETE, FAILED or PRUNED, not " + state);
        }
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /**
     * A completed evaluation. As in Optuna, a NaN or infinite objective is data, not an exception:
     * the trial becomes FAILED with a reason.
     */
    public static TrialOutcome complete(double value, Map<String, Double> metrics) {
        if (!Double.isFinite(value)) {
            return new TrialOutcome(TrialState.FAILED, null, metrics, "objective value is " + value);
        }
        return new TrialOutcome(TrialState.COMPLETE, value, metrics, null);
    }

    public static TrialOutcome failed(String reason) {
        return new TrialOutcome(TrialState.FAILED, null, Map.of(), reason);
    }

    public static TrialOutcome pruned(String reason) {
        return new TrialOutcome(TrialState.PRUNED, null, Map.of(), reason);
    }

    /** Stopped early by a pruner: the value is the last intermediate report's (not a final objective). */
    public static TrialOutcome pruned(double lastValue, String reason) {
        return new TrialOutcome(TrialState.PRUNED, Double.isFinite(lastValue) ? lastValue : null, Map.of(), reason);
    }
}
