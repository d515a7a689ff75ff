package dev.tuneagent.surrogate.proposer;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Sobol points with a Cranley-Patterson random shift (each coordinate shifted by a fixed random
 * amount modulo 1): stays low-discrepancy, avoids the all-zeros corner as first point, and point
 * {@code i} depends only on (seed, i), so a stateless proposer can continue the same design across
 * calls. Private to the GP until core's {@code SobolProposer} can be reused.
 */
final class ShiftedSobol {
    private static final int MAX_SOBOL_DIMENSION = 1000;

    private final int dimension;
    private final double[] shift;
    private final long seed;

    ShiftedSobol(int dimension, RandomGenerator rng, long seed) {
        this.dimension = dimension;
        this.seed = seed;
        this.shift = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            shift[i] = rng.nextDouble();
        }
    }

    double[] point(long index) {
        if (dimension > MAX_SOBOL_DIMENSION) {
            // commons-math3 ships direction numbers for 1000 dimensions; beyond that, seeded uniform.
            RandomGenerator r = dev.tuneagent.core.study.Seeds.rng(seed, index);
            double[] u = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                u[i] = r.nextDouble();
            }
            return u;
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimension);
        double[] u = sobol.skipTo((int) Math.min(Integer.MAX_VALUE - 1, index));
        for (int i = 0; i < dimension; i++) {
            u[i] = (u[i] + shift[i]) % 1.0;
        }
        return u;
    }
}
