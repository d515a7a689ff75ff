package dev.tuneagent.surrogate.optim;

/** A smooth objective to minimize: returns f(x) and writes the gradient into {@code gradient}. */
@FunctionalInterface
public interface DifferentiableFunction {
    double valueAndGradient(double[] x, double[] gradient);
}
