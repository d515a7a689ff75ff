package dev.tuneagent.surrogate.gp;

/**
 * Priors and bounds of the hyperparameters for inputs in the unit cube and standardized outputs.
 *
 * <p>Length-scales: LogNormal(sqrt2 + log(p)/2, sqrt3), the dimension-scaled prior of Hvarfner,
 * Hellsten and Nardi, "Vanilla Bayesian optimization performs great in high dimensions" (ICML
 * 2024), which is BoTorch's default since 0.12; like gpytorch the density is that of the value, so
 * the MAP is pulled towards the mode {@code exp(mu - sigma^2)} (about 0.2 sqrt(p)), with BoTorch's
 * lower bound 0.025. Noise variance: LogNormal(-4, 1) (BoTorch's default). Output scale: log-normal
 * around 1 (outputs are standardized). Mean: N(0, 1).
 */
public record HyperPriors(double lengthLoc, double lengthScale, double lengthMin, double lengthMax,
                          double noiseLoc, double noiseScale, double noiseMin, double noiseMax,
                          double outputLogSd, double outputMin, double outputMax, double meanSd) {

    public static HyperPriors forDimension(int p) {
        return new HyperPriors(Math.sqrt(2) + 0.5 * Math.log(p), Math.sqrt(3), 0.025, 1e3,
                -4.0, 1.0, 1e-6, 1.0,
                1.0, 0.05, 20.0, 1.0);
    }

    /** The mode of the length-scale prior (the first start of the hyperparameter search). */
    public double lengthMode() {
        return Math.max(lengthMin, Math.exp(lengthLoc - lengthScale * lengthScale));
    }

    public double noiseMode() {
        return Math.max(noiseMin, Math.exp(noiseLoc - noiseScale * noiseScale));
    }

    /** Log density (up to a constant) of a log-normal on the value, as a function of t = log value, and d/dt. */
    static double logNormalOnValue(double t, double loc, double scale, double[] dOut, int index) {
        double z = (t - loc) / scale;
        dOut[index] += -1 - z / scale;
        return -t - 0.5 * z * z;
    }

    double[] lowerBounds(int p) {
        double[] lo = new double[p + 3];
        for (int j = 0; j < p; j++) {
            lo[j] = Math.log(lengthMin);
        }
        lo[p] = Math.log(outputMin);
        lo[p + 1] = Math.log(noiseMin);
        lo[p + 2] = -5;
        return lo;
    }

    double[] upperBounds(int p) {
        double[] hi = new double[p + 3];
        for (int j = 0; j < p; j++) {
            hi[j] = Math.log(lengthMax);
        }
        hi[p] = Math.log(outputMax);
        hi[p + 1] = Math.log(noiseMax);
        hi[p + 2] = 5;
        return hi;
    }
}
