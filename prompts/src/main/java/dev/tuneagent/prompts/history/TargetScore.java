package dev.tuneagent.prompts.history;

import dev.tuneagent.core.study.Direction;
import java.util.List;

/**
 * LLAMBO's target for the candidate sampler: s* = best − α·(max − min) when minimizing and
 * s* = best + α·(max − min) when maximizing. A positive α asks for an improvement over the best
 * score (exploration grows with α); a negative α asks for a score a little worse than the best
 * (exploitation). LLAMBO's code writes the minimizing formula the same way and recommends α = −0.2
 * in its runner; our default is 0.1.
 */
public final class TargetScore {
    private TargetScore() {
    }

    public static double of(List<Double> scores, Direction direction, double alpha) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("the target score needs at least one completed trial");
        }
        if (!(alpha >= -1 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [-1, 1], got " + alpha);
        }
        double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double range = max - min;
        if (range == 0) {
            // LLAMBO's rule when every score is equal; 0.1 when they are all zero.
            range = max == 0 ? 0.1 : 0.1 * Math.abs(max);
        }
        return direction == Direction.MINIMIZE ? min - alpha * range : max + alpha * range;
    }
}
