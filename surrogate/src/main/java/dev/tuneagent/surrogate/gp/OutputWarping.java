package dev.tuneagent.surrogate.gp;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Output warping before the GP: shift the best loss to 0, divide by the median distance to it,
 * apply a Yeo-Johnson power transform (on this non-negative data: Box-Cox of 1 + z) whose lambda
 * maximizes the Gaussian likelihood of the transformed values (as scikit-learn's
 * {@code PowerTransformer} and HEBO do), then standardize again. A heavy right tail of bad losses
 * (Rosenbrock's values span five decades) is compressed so the GP models the basin rather than
 * the walls; already-Gaussian outputs get lambda near 1, i.e. almost no change. The transform is
 * monotone increasing, so the ordering of losses, the incumbent and EI's target are preserved.
 */
public final class OutputWarping {
    private static final double LAMBDA_MIN = -2.0;
    private static final double LAMBDA_MAX = 1.0;

    private OutputWarping() {
    }

    /** Returns the warped, standardized values (constant input gives all zeros). */
    public static double[] warp(double[] losses) {
        if (losses.length == 0) {
            return new double[0];
        }
        // Pre-divide huge values by the largest magnitude so y - min cannot overflow (1e308 - -1e308);
        // the median scaling below makes the result independent of this factor. Ordinary magnitudes
        // are left alone so their arithmetic is exactly that of the plain formula.
        double maxAbs = 0;
        for (double v : losses) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double pre = maxAbs > 1e100 && Double.isFinite(maxAbs) ? maxAbs : 1;
        double min = Double.POSITIVE_INFINITY;
        for (double v : losses) {
            min = Math.min(min, v / pre);
        }
        double[] z = new double[losses.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = losses[i] / pre - min;
        }
        // Scale by the median distance to the best so the bulk sits near 1: scaling by the standard
        // deviation would let a few huge values squash the bulk into the transform's linear part.
        double scale = median(z);
        if (!(scale > 0)) {
            scale = mean(z);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            return new double[losses.length];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= scale;
        }
        double lambda = fitLambda(z);
        double[] w = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            w[i] = yeoJohnson(z[i], lambda);
        }
        return standardize(w);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        return m / v.length;
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
                new SearchInterval(LAMBDA_MIN, LAMBDA_MAX, 0.5),
                new UnivariateObjectiveFunction(l -> {
                    double v = logLikelihood(x, l);
                    return Double.isFinite(v) ? v : -1e300;
                })).getPoint();
        return Double.isFinite(best) ? best : 1.0;
    }
}
