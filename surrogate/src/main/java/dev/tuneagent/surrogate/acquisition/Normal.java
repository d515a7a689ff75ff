package dev.tuneagent.surrogate.acquisition;

import org.apache.commons.math3.special.Erf;

/** Standard normal helpers accurate far in the lower tail. */
public final class Normal {
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    static final double SQRT_HALF_PI = Math.sqrt(Math.PI / 2);
    private static final double SQRT2 = Math.sqrt(2);

    private Normal() {
    }

    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    }

    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** log Phi(z), stable for very negative z via the scaled complementary error function. */
    public static double logCdf(double z) {
        if (z > -5) {
            return Math.log(cdf(z));
        }
        // Phi(z) = phi(z) * erfcx(-z / sqrt2) * sqrt(pi / 2)
        return -0.5 * z * z - LOG_SQRT_2PI + Math.log(erfcx(-z / SQRT2) * SQRT_HALF_PI);
    }

    /** phi(z) / Phi(z), finite far in the lower tail where both underflow (there it tends to -z). */
    public static double inverseMillsRatio(double z) {
        if (z > -5) {
            return pdf(z) / cdf(z);
        }
        // Phi(z) = phi(z) * erfcx(-z / sqrt2) * sqrt(pi / 2), so the ratio needs no exponential.
        return 1 / (erfcx(-z / SQRT2) * SQRT_HALF_PI);
    }

    /** exp(x^2) erfc(x) for x >= 0, without overflow or underflow. */
    public static double erfcx(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("erfcx is only needed for x >= 0, got " + x);
        }
        if (x < 20) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        // Asymptotic series; at x >= 20 the first omitted term is below 1e-12 relative.
        double inv2 = 1 / (x * x);
        double series = 1 - 0.5 * inv2 + 0.75 * inv2 * inv2 - 1.875 * inv2 * inv2 * inv2
                + 6.5625 * inv2 * inv2 * inv2 * inv2;
        return series / (x * Math.sqrt(Math.PI));
    }

    /** log(1 - exp(a)) for a < 0, accurate for a near 0 and for very negative a (Mächler 2012). */
    public static double log1mexp(double a) {
        return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
    }
}
