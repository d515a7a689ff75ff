package dev.tuneagent.evals.functions;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A synthetic objective to minimize on a box, with its known global minimum: what the benchmark measures
 * simple regret against. Its search space has one {@link FloatParam} per dimension, named {@code x0..x{d-1}}.
 *
 * @param name      short name used in tables and result files, e.g. {@code hartmann6}
 * @param lower     lower bound per dimension
 * @param upper     upper bound per dimension
 * @param minimum   the exact global minimum
 * @param minimizer a point where the minimum is attained
 */
public record BenchmarkFunction(String name, double[] lower, double[] upper, double minimum, double[] minimizer,
                                ToDoubleFunction<double[]> formula) {

    public BenchmarkFunction {
        if (lower.length != upper.length || lower.length != minimizer.length || lower.length == 0) {
            throw new IllegalArgumentException(name + ": bounds and minimizer must have the same, positive length");
        }
        lower = lower.clone();
        upper = upper.clone();
        minimizer = minimizer.clone();
    }

    public int dimension() {
        return lower.length;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public double[] minimizer() {
        return minimizer.clone();
    }

    /** The box as a search space of float parameters x0..x{d-1}. */
    public SearchSpace space() {
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < dimension(); i++) {
            params.add(new FloatParam(paramName(i), lower[i], upper[i], false));
        }
        return new SearchSpace(params);
    }

    public static String paramName(int i) {
        return "x" + i;
    }

    /** The value at a point given as coordinates in parameter order. */
    public double evaluate(double[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException(name + " takes " + dimension() + " coordinates, got " + x.length);
        }
        return formula.applyAsDouble(x);
    }

    /** The value at a configuration of {@link #space()}, as a study's objective receives it. */
    public double evaluate(Map<String, ?> config) {
        double[] x = new double[dimension()];
        for (int i = 0; i < x.length; i++) {
            Object v = config.get(paramName(i));
            if (!(v instanceof Number number)) {
                throw new IllegalArgumentException(name + ": parameter " + paramName(i) + " must be a number, got " + v);
            }
            x[i] = number.doubleValue();
        }
        return formula.applyAsDouble(x);
    }

    /** Simple regret of a value: how far above the global minimum it is. */
    public double regret(double value) {
        return value - minimum;
    }
}
