package dev.tuneagent.core.proposer;

import dev.tuneagent.core.study.Seeds;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * A Sobol sequence (Joe-Kuo direction numbers from commons-math3) randomized by a linear matrix
 * scramble plus a digital shift (Matousek 1998; what SciPy's {@code Sobol(scramble=True)} does). The
 * scramble keeps the net property, so the first 2^m points still put one point in every dyadic
 * interval of width 2^-m of each coordinate, but removes the unscrambled sequence's corner point
 * (0, ..., 0) and its alignment on the grid. Point {@code i} depends only on the seed and i, so a study
 * can continue its sequence where it stopped.
 */
final class ScrambledSobol {
    /** The resolution of commons-math3's generator: points are integers over 2^52. */
    static final int BITS = 52;
    static final int MAX_DIMENSION = 1000;
    private static final double SCALE = Math.pow(2, BITS);
    private static final long MASK = (1L << BITS) - 1;

    private final SobolSequenceGenerator generator;
    private final long[][] rows;
    private final long[] shift;

    ScrambledSobol(int dimension, long seed) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("Sobol points need 1 to " + MAX_DIMENSION + " dimensions, got "
                    + dimension);
        }
        generator = new SobolSequenceGenerator(dimension);
        RandomGenerator rng = Seeds.rng(seed);
        rows = new long[dimension][BITS];
        shift = new long[dimension];
        for (int d = 0; d < dimension; d++) {
            for (int p = 0; p < BITS; p++) {
                // Output bit p mixes input bit p with random more significant bits: a lower-triangular
                // matrix with a unit diagonal (in most-significant-first order) is always invertible.
                long higher = MASK & ~((1L << (p + 1)) - 1);
                rows[d][p] = (1L << p) | (rng.nextLong() & higher);
            }
            shift[d] = rng.nextLong() & MASK;
        }
    }

    /** The point at {@code index} (0-based), every coordinate strictly inside (0, 1). */
    double[] point(int index) {
        double[] raw = generator.skipTo(index);
        double[] u = new double[raw.length];
        for (int d = 0; d < raw.length; d++) {
            long x = (long) (raw[d] * SCALE);
            long y = 0;
            for (int p = 0; p < BITS; p++) {
                y |= (long) (Long.bitCount(x & rows[d][p]) & 1) << p;
            }
            u[d] = ((y ^ shift[d]) + 0.5) / SCALE;
        }
        return u;
    }
}
