package dev.tuneagent.surrogate.gp;

import java.util.Arrays;

/**
 * Hyperparameters of a GP on standardized outputs: one length-scale per input column,
 * the kernel's output scale (signal variance), the observation noise variance and the constant mean.
 */
public record GpHyperparameters(double[] lengthScales, double outputScale, double noise, double mean) {

    public GpHyperparameters {
        lengthScales = lengthScales.clone();
        for (double l : lengthScales) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("length-scales must be positive and finite, got " + Arrays.toString(lengthScales));
            }
        }
        if (!(outputScale > 0) || !(noise >= 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("bad hyperparameters: outputScale=" + outputScale + " noise=" + noise + " mean=" + mean);
        }
    }

    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }

    double[] inverseSquaredLengthScales() {
        double[] out = new double[lengthScales.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = 1.0 / (lengthScales[j] * lengthScales[j]);
        }
        return out;
    }

    /** Packs into the optimizer's unconstrained-ish vector {@code [log l..., log s2, log noise, mean]}. */
    double[] pack() {
        int p = lengthScales.length;
        double[] t = new double[p + 3];
        for (int j = 0; j < p; j++) {
            t[j] = Math.log(lengthScales[j]);
        }
        t[p] = Math.log(outputScale);
        t[p + 1] = Math.log(noise);
        t[p + 2] = mean;
        return t;
    }

    static GpHyperparameters unpack(double[] t) {
        int p = t.length - 3;
        double[] l = new double[p];
        for (int j = 0; j < p; j++) {
            l[j] = Math.exp(t[j]);
        }
        return new GpHyperparameters(l, Math.exp(t[p]), Math.exp(t[p + 1]), t[p + 2]);
    }

    @Override
    public String toString() {
        return "GpHyperparameters[lengthScales=" + Arrays.toString(lengthScales) + ", outputScale=" + outputScale
                + ", noise=" + noise + ", mean=" + mean + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpHyperparameters h && Arrays.equals(lengthScales, h.lengthScales)
                && outputScale == h.outputScale && noise == h.noise && mean == h.mean;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lengthScales) * 31 + Double.hashCode(outputScale + noise + mean);
    }
}
