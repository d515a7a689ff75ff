package dev.tuneagent.core.study;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One evaluation of one configuration. Immutable; the store hands out a new instance on each change.
 *
 * @param number     0-based, unique and dense within a study
 * @param params     parameter name to canonical value
 * @param value      the objective value for COMPLETE trials, else null
 * @param metrics    every metric the job reported (may be empty)
 * @param message    why a trial FAILED or was PRUNED, else null
 * @param finishedAt null until the trial is finished
 * @param attrs      typed attributes as JSON values (see {@link TrialAttrs} for the keys we use); control
 *                   flow reads these, never text in {@code message} or {@code provenance.fallback}
 */
public record Trial(int number, Map<String, Object> params, TrialState state, Double value,
                   Map<String, Double> metrics, Provenance provenance, Instant startedAt, Instant finishedAt,
                   String message, Map<String, Object> attrs) {

    public Trial {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        attrs = TrialAttrs.copy(attrs);
        if (state == TrialState.COMPLETE && (value == null || !Double.isFinite(value))) {
            throw new IllegalArgumentException("trial " + number + " is COMPLETE but has no finite value");
        }
    }

    /** A trial without attributes. */
    public Trial(int number, Map<String, Object> params, TrialState state, Double value, Map<String, Double> metrics,
                 Provenance provenance, Instant startedAt, Instant finishedAt, String message) {
        this(number, params, state, value, metrics, provenance, startedAt, finishedAt, message, Map.of());
    }

    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }

    public boolean isPending() {
        return state == TrialState.RUNNING || state == TrialState.WAITING;
    }

    public Duration duration() {
        return finishedAt == null || startedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
