package dev.tuneagent.agent.llambo;

import dev.tuneagent.core.study.Direction;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Expected improvement over the best observed score, on the loss scale (smaller is better), as
 * LLAMBO's {@code select_query_point} computes it from the surrogate's mean and spread.
 */
public final class ExpectedImprovement {
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private ExpectedImprovement() {
    }

    /** EI of a prediction (mean, sd of the raw score) given the best raw score so far. */
    public static double of(double mean, double sd, double best, Direction direction) {
        double delta = direction.toLoss(best) - direction.toLoss(mean);
        if (!(sd > 0)) {
            return Math.max(0, delta);
        }
        double z = delta / sd;
        return delta * cdf(z) + sd * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
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

    /** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
