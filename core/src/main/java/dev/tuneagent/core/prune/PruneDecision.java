package dev.tuneagent.core.prune;

import java.util.Map;

/**
 * A pruner's answer after one report. When {@code prune} is true, {@code details} says why in a form that
 * is stored with the trial (attrs {@code pruned}) and shown by {@code explain}: the rule, the step, the
 * trial's value, the threshold it had to beat, and the rung for successive halving.
 */
public record PruneDecision(boolean prune, String reason, Map<String, Object> details) {
    public static final PruneDecision KEEP = new PruneDecision(false, null, Map.of());

    public PruneDecision {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    static PruneDecision prune(String reason, Map<String, Object> details) {
        return new PruneDecision(true, reason, details);
    }
}
