package dev.tuneagent.surrogate.gp;

/**
 * The Matérn-5/2 kernel with automatic relevance determination:
 * {@code k(r) = s2 (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r)}, {@code r^2 = sum_j (x_j - y_j)^2 / l_j^2}.
 *
 * <p>{@link #slope} is {@code g(r) = 5/3 s2 (1 + sqrt5 r) exp(-sqrt5 r)}, chosen so both derivatives
 * needed are free of the 1/r singularity: {@code dk/dx_j = -g (x_j - y_j) / l_j^2} and
 * {@code dk/dlog l_j = g (x_j - y_j)^2 / l_j^2}.
 */
public final class Matern52 {
    static final double SQRT5 = Math.sqrt(5.0);

    private Matern52() {
    }

    /** Squared scaled distance with inverse squared length-scales {@code invL2}. */
    public static double r2(double[] a, int offA, double[] b, int offB, double[] invL2) {
        double s = 0;
        for (int j = 0; j < invL2.length; j++) {
            double d = a[offA + j] - b[offB + j];
            s += d * d * invL2[j];
        }
        return s;
    }

    public static double value(double r2, double outputScale) {
        double r = Math.sqrt(r2);
        return outputScale * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    public static double slope(double r2, double outputScale) {
        double r = Math.sqrt(r2);
        return 5.0 / 3.0 * outputScale * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }
}
