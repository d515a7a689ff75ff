package dev.tuneagent.surrogate.acquisition;

/**
 * Acquisition functions as pure functions of a Gaussian belief {@code N(mean, sd^2)} about a loss
 * to be MINIMIZED. Larger acquisition values are better. Improvement is {@code max(best - f, 0)};
 * for a maximization problem with mean m and incumbent b pass {@code -m} and {@code -b}.
 */
public final class Acquisitions {
    private static final double TAIL = -1.0 / Math.sqrt(Math.ulp(1.0));

    private Acquisitions() {
    }

    /** Expected improvement {@code sd * h((best - mean) / sd)} with {@code h(z) = phi(z) + z Phi(z)}. */
    public static double expectedImprovement(double mean, double sd, double best) {
        if (!(sd > 0)) {
            return Math.max(best - mean, 0);
        }
        double z = (best - mean) / sd;
        // Below z = -1, phi(z) + z Phi(z) cancels catastrophically (it can even come out negative).
        return z > -1 ? sd * (Normal.pdf(z) + z * Normal.cdf(z)) : sd * Math.exp(logH(z));
    }

    /**
     * log EI, finite and accurate far in the tail where EI underflows to 0 (Ament et al.,
     * "Unexpected improvements to expected improvement", NeurIPS 2023; BoTorch's {@code log_ei}).
     */
    public static double logExpectedImprovement(double mean, double sd, double best) {
        if (!(sd > 0)) {
            return Math.log(Math.max(best - mean, 0));
        }
        return logH((best - mean) / sd) + Math.log(sd);
    }

    /** Probability of improvement {@code Phi((best - mean) / sd)}. */
    public static double probabilityOfImprovement(double mean, double sd, double best) {
        if (!(sd > 0)) {
            return mean < best ? 1 : 0;
        }
        return Normal.cdf((best - mean) / sd);
    }

    public static double logProbabilityOfImprovement(double mean, double sd, double best) {
        if (!(sd > 0)) {
            return mean < best ? 0 : Double.NEGATIVE_INFINITY;
        }
        return Normal.logCdf((best - mean) / sd);
    }

    /**
     * log PI and its partial derivatives: {@code [log Phi(z), -r/sd, -r z/sd]} with {@code z = (best - mean)/sd}
     * and {@code r = d log Phi/dz = phi(z)/Phi(z)} (the inverse Mills ratio, computed without 0/0 in the tail).
     */
    public static double[] logProbabilityOfImprovementWithDerivatives(double mean, double sd, double best) {
        double z = (best - mean) / sd;
        double r = Normal.inverseMillsRatio(z);
        return new double[] {Normal.logCdf(z), -r / sd, -r * z / sd};
    }

    /** Upper confidence bound on the negated loss: {@code -(mean - sqrt(beta) sd)}. */
    public static double upperConfidenceBound(double mean, double sd, double beta) {
        return -mean + Math.sqrt(beta) * Math.max(sd, 0);
    }

    /** log h(z), h(z) = phi(z) + z Phi(z). */
    static double logH(double z) {
        if (z > -1) {
            return Math.log(Normal.pdf(z) + z * Normal.cdf(z));
        }
        if (z < TAIL) {
            return -0.5 * z * z - Normal.LOG_SQRT_2PI - 2 * Math.log(-z);
        }
        return -0.5 * z * z - Normal.LOG_SQRT_2PI + Normal.log1mexp(logTailRatio(z));
    }

    /** d log h / dz = Phi(z) / h(z). */
    static double dLogH(double z) {
        if (z > -1) {
            return Normal.cdf(z) / (Normal.pdf(z) + z * Normal.cdf(z));
        }
        if (z < TAIL) {
            return -z - 2 / z;
        }
        double a = logTailRatio(z);
        // Phi/h = r / (1 - |z| r) with r = Phi/phi = exp(a) / |z|.
        return Math.exp(a - Normal.log1mexp(a)) / -z;
    }

    /** log(|z| Phi(z) / phi(z)) for z <= -1, which is below 0. */
    private static double logTailRatio(double z) {
        return Math.log(-z * Normal.erfcx(-z / Math.sqrt(2)) * Normal.SQRT_HALF_PI);
    }

    /**
     * log EI and its partial derivatives: returns {@code [logEI, dlogEI/dmean, dlogEI/dsd]}. With
     * {@code z = (best - mean)/sd}: {@code dlogEI/dmean = -r/sd}, {@code dlogEI/dsd = (1 - r z)/sd},
     * {@code r = dlogh/dz}.
     */
    public static double[] logExpectedImprovementWithDerivatives(double mean, double sd, double best) {
        double z = (best - mean) / sd;
        double r = dLogH(z);
        return new double[] {logH(z) + Math.log(sd), -r / sd, (1 - r * z) / sd};
    }
}
