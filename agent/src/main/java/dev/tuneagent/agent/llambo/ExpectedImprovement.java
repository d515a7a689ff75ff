package dev.tuneagent.agent.llambo;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.surrogate.acquisition.Acquisitions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Expected improvement over the best observed score, on the loss scale (smaller is better), as
 * LLAMBO's {@code select_query_point} computes it from the surrogate's mean and spread.
 */
public final class ExpectedImprovement {
    private ExpectedImprovement() {
    }

    /** EI of a prediction (mean, sd of the raw score) given the best raw score so far. */
    public static double of(double mean, double sd, double best, Direction direction) {
        return Acquisitions.expectedImprovement(direction.toLoss(mean), sd, direction.toLoss(best));
    }

    /** Candidate indices by decreasing EI; ties keep the candidates' order, so the choice is deterministic. */
    public static List<Integer> rank(double[] mean, double[] sd, double best, Direction direction) {
        double[] ei = new double[mean.length];
        for (int i = 0; i < ei.length; i++) {
            ei[i] = of(mean[i], sd[i], best, direction);
        }
        return IntStream.range(0, ei.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -ei[i]).thenComparingInt(i -> i)).toList();
    }

}
