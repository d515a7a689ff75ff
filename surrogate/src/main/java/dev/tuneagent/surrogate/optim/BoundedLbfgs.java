package dev.tuneagent.surrogate.optim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Projected L-BFGS for box-constrained smooth minimization.
 *
 * <p>Why our own: commons-math3 3.6.1 has no quasi-Newton method; its
 * {@code NonLinearConjugateGradientOptimizer} line-searches with Brent on function values only and
 * has no bounds, which costs many more likelihood evaluations (each an O(n^3) Cholesky) than
 * L-BFGS with an Armijo backtracking search. Variables sitting on a bound with the gradient
 * pushing outwards are frozen for the step (the usual active-set projection), and every trial
 * point is projected back into the box, so bounds are never violated.
 */
public final class BoundedLbfgs {
    /** Backtracking steps per line search before the search gives up. */
    static final int MAX_BACKTRACKS = 30;
    private final int memory;
    private final int maxIterations;
    private final int maxEvaluations;
    private final double gradientTolerance;
    private final double relativeTolerance;

    /**
     * @param maxEvaluations calls of the function at most, the first included (each may be an O(n^3)
     *                       likelihood); the iteration limit alone allows {@code 1 + 30 maxIterations}
     */
    public BoundedLbfgs(int memory, int maxIterations, int maxEvaluations, double gradientTolerance,
                        double relativeTolerance) {
        if (memory < 1 || maxIterations < 0 || maxEvaluations < 1) {
            throw new IllegalArgumentException("need memory >= 1, maxIterations >= 0 and maxEvaluations >= 1, got "
                    + memory + ", " + maxIterations + ", " + maxEvaluations);
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.maxEvaluations = maxEvaluations;
        this.gradientTolerance = gradientTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /** No evaluation limit beyond what the iteration limit implies. */
    public BoundedLbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
        this(memory, maxIterations, Integer.MAX_VALUE, gradientTolerance, relativeTolerance);
    }

    public static BoundedLbfgs defaults(int maxIterations) {
        return new BoundedLbfgs(8, maxIterations, 1e-6, 1e-9);
    }

    /** Why the minimization ended. */
    public enum Stop {
        /** The projected gradient is below the tolerance: a (box-constrained) stationary point. */
        GRADIENT,
        /** The last step decreased the value by less than the relative tolerance. */
        VALUE,
        /** No descent direction exists even after dropping the curvature memory. */
        NO_DESCENT,
        /** No step along the direction decreased the value (or gave a finite one) in 30 backtracks. */
        LINE_SEARCH,
        MAX_ITERATIONS,
        MAX_EVALUATIONS,
        /** The function is not finite at the (projected) start: nothing to improve from. */
        NON_FINITE_START
    }

    /**
     * The best point reached (always inside the box) and its value; {@code evaluations} counts calls of the
     * function, {@code iterations} accepted steps.
     */
    public record Result(double[] point, double value, int evaluations, int iterations, Stop stop) {
    }

    public Result minimize(DifferentiableFunction f, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        double[] x = project(start.clone(), lower, upper);
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            return new Result(x, fx, evaluations, 0, Stop.NON_FINITE_START);
        }
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iter = 0;
        Stop stop = Stop.MAX_ITERATIONS;
        search:
        for (; iter < maxIterations; iter++) {
            boolean[] frozen = frozen(x, g, lower, upper);
            if (projectedGradientNorm(g, frozen) < gradientTolerance) {
                stop = Stop.GRADIENT;
                break;
            }
            direction(g, frozen, pairs, d);
            double slope = dot(d, g);
            if (!(slope < 0)) {
                pairs.clear();
                direction(g, frozen, pairs, d);
                slope = dot(d, g);
                if (!(slope < 0)) {
                    stop = Stop.NO_DESCENT;
                    break;
                }
            }
            double step = pairs.isEmpty() ? Math.min(1.0, 1.0 / Math.max(1e-12, maxAbs(d))) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int back = 0; back < MAX_BACKTRACKS; back++) {
                if (evaluations >= maxEvaluations) {
                    stop = Stop.MAX_EVALUATIONS;
                    break search;
                }
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                project(xNew, lower, upper);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (xNew[i] - x[i]);
                }
                fNew = f.valueAndGradient(xNew, gNew);
                evaluations++;
                // A NaN or infinite value (a failed factorization, a point outside a model's domain) is
                // treated like too long a step: back off, never accept it.
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.3;
            }
            if (!accepted) {
                stop = Stop.LINE_SEARCH;
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            }
            double previous = fx;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (previous - fx <= relativeTolerance * Math.max(1.0, Math.abs(fx))) {
                iter++;
                stop = Stop.VALUE;
                break;
            }
        }
        return new Result(x, fx, evaluations, iter, stop);
    }

    /** Two-loop recursion on the free variables. */
    private static void direction(double[] g, boolean[] frozen, Deque<double[][]> pairs, double[] d) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            d[i] = frozen[i] ? 0 : -g[i];
        }
        int m = pairs.size();
        double[] alpha = new double[m];
        double[][][] list = pairs.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            double[] s = list[k][0];
            double[] y = list[k][1];
            alpha[k] = dotFree(s, d, frozen) / dotFree(y, s, frozen);
            if (!Double.isFinite(alpha[k])) {
                alpha[k] = 0;
            }
            for (int i = 0; i < n; i++) {
                if (!frozen[i]) {
                    d[i] -= alpha[k] * y[i];
                }
            }
        }
        if (m > 0) {
            double[] s = list[m - 1][0];
            double[] y = list[m - 1][1];
            double gamma = dotFree(s, y, frozen) / dotFree(y, y, frozen);
            if (Double.isFinite(gamma) && gamma > 0) {
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            }
        }
        for (int k = 0; k < m; k++) {
            double[] s = list[k][0];
            double[] y = list[k][1];
            double beta = dotFree(y, d, frozen) / dotFree(y, s, frozen);
            if (!Double.isFinite(beta)) {
                beta = 0;
            }
            for (int i = 0; i < n; i++) {
                if (!frozen[i]) {
                    d[i] += (alpha[k] - beta) * s[i];
                }
            }
        }
    }

    private static boolean[] frozen(double[] x, double[] g, double[] lower, double[] upper) {
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
        }
        return out;
    }

    private static double projectedGradientNorm(double[] g, boolean[] frozen) {
        double m = 0;
        for (int i = 0; i < g.length; i++) {
            if (!frozen[i]) {
                m = Math.max(m, Math.abs(g[i]));
            }
        }
        return m;
    }

    static double[] project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.isNaN(x[i]) ? lower[i] : Math.max(lower[i], Math.min(upper[i], x[i]));
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double dotFree(double[] a, double[] b, boolean[] frozen) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (!frozen[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
