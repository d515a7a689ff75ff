package dev.tuneagent.evals.eval;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What a proposer sees of a test function. {@link #plain} is the textbook box. {@link #anonymized} hides it
 * (a model may recognise Branin from its box and values and recite the minimizer instead of optimizing): per
 * seed a random permutation and reflection of the coordinates, a random sub-box that still holds the
 * minimizer, parameters {@code x1..xd} on [0, 1], and a positive affine map of the reported value. The scale
 * is a power of two and the shift a whole number, so mapping a value back to the function's own scale (where
 * regret is measured) loses no more than one rounding.
 *
 * @param perm    parameter {@code x(j+1)} drives the function's coordinate {@code perm[j]}
 * @param reflect whether parameter {@code x(j+1)} runs from the sub-box's upper end down
 * @param lo      the sub-box's lower end per function coordinate
 * @param hi      the sub-box's upper end per function coordinate
 */
public record SyntheticInstance(BenchmarkFunction function, boolean anonymized, int[] perm, boolean[] reflect,
                                double[] lo, double[] hi, double scale, double shift) {
    private static final long SALT = 0xA2071D3EL;
    static final double MIN_FRACTION = 0.5;
    static final double MAX_FRACTION = 0.9;

    public static SyntheticInstance plain(BenchmarkFunction f) {
        int d = f.dimension();
        int[] perm = new int[d];
        for (int i = 0; i < d; i++) {
            perm[i] = i;
        }
        return new SyntheticInstance(f, false, perm, new boolean[d], f.lower(), f.upper(), 1.0, 0.0);
    }

    /** The anonymized instance of {@code f} for one seed: every proposer of that seed sees the same one. */
    public static SyntheticInstance anonymized(BenchmarkFunction f, long seed) {
        RandomGenerator rng = Seeds.rng(seed, SALT, f.name().hashCode());
        int d = f.dimension();
        int[] perm = new int[d];
        for (int i = 0; i < d; i++) {
            perm[i] = i;
        }
        for (int i = d - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        boolean[] reflect = new boolean[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        double[] lower = f.lower();
        double[] upper = f.upper();
        double[] m = f.minimizer();
        for (int j = 0; j < d; j++) {
            reflect[j] = rng.nextBoolean();
        }
        for (int i = 0; i < d; i++) {
            double width = (upper[i] - lower[i]) * (MIN_FRACTION + (MAX_FRACTION - MIN_FRACTION) * rng.nextDouble());
            double from = Math.max(lower[i], m[i] - width);
            double to = Math.min(m[i], upper[i] - width);
            lo[i] = from + (to - from) * rng.nextDouble();
            hi[i] = lo[i] + width;
        }
        double scale = Math.scalb(1.0, rng.nextInt(-2, 4));
        double shift = rng.nextInt(-50, 51);
        return new SyntheticInstance(f, true, perm, reflect, lo, hi, scale, shift);
    }

    public String view() {
        return anonymized ? "anonymized" : "plain";
    }

    /** Parameter names: {@code x1..xd} when anonymized, the function's own {@code x0..x(d-1)} when plain. */
    public String param(int j) {
        return anonymized ? "x" + (j + 1) : BenchmarkFunction.paramName(j);
    }

    public SearchSpace space() {
        if (!anonymized) {
            return function.space();
        }
        List<Param> params = new ArrayList<>();
        for (int j = 0; j < perm.length; j++) {
            params.add(new FloatParam(param(j), 0.0, 1.0, false));
        }
        return new SearchSpace(params);
    }

    /** The function's own coordinates of a configuration of {@link #space()}. */
    public double[] point(Map<String, ?> config) {
        double[] x = new double[perm.length];
        for (int j = 0; j < perm.length; j++) {
            Object v = config.get(param(j));
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException("parameter " + param(j) + " must be a number, got " + v);
            }
            int i = perm[j];
            if (!anonymized) {
                x[i] = n.doubleValue();
                continue;
            }
            double t = reflect[j] ? 1.0 - n.doubleValue() : n.doubleValue();
            x[i] = Math.min(hi[i], Math.max(lo[i], lo[i] + t * (hi[i] - lo[i])));
        }
        return x;
    }

    /** The value the study (and so every proposer) is told. */
    public double reported(double own) {
        return scale * own + shift;
    }

    /** Back to the function's own scale, where regret against its known minimum is measured. */
    public double own(double reported) {
        return (reported - shift) / scale;
    }

    /** Where a proposer would find the minimum in this view (for tests: the sub-box holds it). */
    public double[] minimizerInView() {
        double[] m = function.minimizer();
        double[] u = new double[perm.length];
        for (int j = 0; j < perm.length; j++) {
            int i = perm[j];
            double t = anonymized ? (m[i] - lo[i]) / (hi[i] - lo[i]) : m[i];
            u[j] = anonymized && reflect[j] ? 1.0 - t : t;
        }
        return u;
    }
}
