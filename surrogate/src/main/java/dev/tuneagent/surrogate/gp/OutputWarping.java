package dev.tuneagent.surrogate.gp;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Output warping before the GP: standardize, apply a Yeo-Johnson power transform whose lambda
 * maximizes the Gaussian likelihood of the transformed values (as scikit-learn's
 * {@code PowerTransformer} and HEBO do), then standardize again. A heavy right tail of bad losses
 * (Rosenbrock's values span five decades) is compressed so the GP models the basin rather than
 * the walls; already-Gaussian outputs get lambda near 1, i.e. almost no change. The transform is
 * monotone increasing, so the ordering of losses, the incumbent and EI's target are preserved.
 */
public final class OutputWarping {
    private static final double LAMBDA_MIN = -2.0;
    private static final double LAMBDA_MAX = 2.0;

    private OutputWarping() {
    }

    /** Returns the warped, standardized values (constant input gives all zeros). */
    public static double[] warp(double[] losses) {
        double[] z = standardize(losses);
        if (allZero(z)) {
            return z;
        }
        double lambda = fitLambda(z);
        double[] w = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            w[i] = yeoJohnson(z[i], lambda);
        }
        return standardize(w);
    }

    static double[] standardize(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / v.length);
        double[] out = new double[v.length];
        if (!(sd > 1e-12 * Math.max(1.0, Math.abs(mean))) || !Double.isFinite(sd)) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] - mean) / sd;
        }
        return out;
    }

    private static boolean allZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    static double yeoJohnson(double x, double lambda) {
        if (x >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
    }

    /** Profile log-likelihood of lambda (normal with fitted mean/variance plus the Jacobian). */
    static double logLikelihood(double[] x, double lambda) {
        int n = x.length;
        double mean = 0;
        double[] t = new double[n];
        double jac = 0;
        for (int i = 0; i < n; i++) {
            t[i] = yeoJohnson(x[i], lambda);
            mean += t[i];
            jac += Math.signum(x[i]) * Math.log1p(Math.abs(x[i]));
        }
        mean /= n;
        double var = 0;
        for (double v : t) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        if (!(var > 0) || !Double.isFinite(var)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * n * Math.log(var) + (lambda - 1) * jac;
    }

    static double fitLambda(double[] x) {
        BrentOptimizer brent = new BrentOptimizer(1e-6, 1e-8);
        double best = brent.optimize(new MaxEval(200), GoalType.MAXIMIZE,
                new SearchInterval(LAMBDA_MIN, LAMBDA_MAX, 1.0),
                new UnivariateObjectiveFunction(l -> {
                    double v = logLikelihood(x, l);
                    return Double.isFinite(v) ? v : -1e300;
                })).getPoint();
        return Double.isFinite(best) ? best : 1.0;
    }
}
