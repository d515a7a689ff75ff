package dev.tuneagent.surrogate.gp;

import dev.tuneagent.surrogate.model.Posterior;
import dev.tuneagent.surrogate.model.Surrogate;
import java.util.Arrays;

/**
 * An exact GP conditioned on data with fixed hyperparameters: posterior mean and variance of the
 * latent function, their gradients in x (for gradient-based acquisition optimization) and cheap
 * O(n^2) conditioning on one more point (for the kriging believer).
 */
public final class GpModel implements Surrogate {
    private final double[] x; // n rows of p features, row-major
    private final double[] y;
    private final int n;
    private final int p;
    private final GpHyperparameters hyper;
    private final double[] invL2;
    private final Cholesky chol;
    private final double[] alpha;

    private GpModel(double[] x, double[] y, int p, GpHyperparameters hyper, Cholesky chol) {
        this.x = x;
        this.y = y;
        this.n = y.length;
        this.p = p;
        this.hyper = hyper;
        this.invL2 = hyper.inverseSquaredLengthScales();
        this.chol = chol;
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) {
            centred[i] = y[i] - hyper.mean();
        }
        this.alpha = chol.solve(centred);
    }

    /** Conditions a GP on {@code inputs} (n rows of equal length) and outputs {@code outputs}. */
    public static GpModel fit(double[][] inputs, double[] outputs, GpHyperparameters hyper) {
        int n = outputs.length;
        if (inputs.length != n || n == 0) {
            throw new IllegalArgumentException("need as many input rows as outputs and at least one, got "
                    + inputs.length + " and " + n);
        }
        int p = inputs[0].length;
        if (hyper.lengthScales().length != p) {
            throw new IllegalArgumentException("expected " + p + " length-scales, got " + hyper.lengthScales().length);
        }
        double[] flat = new double[n * p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inputs[i], 0, flat, i * p, p);
        }
        double[] k = covariance(flat, n, p, hyper);
        return new GpModel(flat, outputs.clone(), p, hyper, Cholesky.factor(k, n));
    }

    static double[] covariance(double[] flat, int n, int p, GpHyperparameters hyper) {
        double[] invL2 = hyper.inverseSquaredLengthScales();
        double s2 = hyper.outputScale();
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            k[i * n + i] = s2 + hyper.noise();
            for (int j = 0; j < i; j++) {
                double v = Matern52.value(Matern52.r2(flat, i * p, flat, j * p, invL2), s2);
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
        return k;
    }

    public int size() {
        return n;
    }

    @Override
    public int inputDimension() {
        return p;
    }

    public GpHyperparameters hyperparameters() {
        return hyper;
    }

    private double[] crossCovariance(double[] point) {
        double[] ks = new double[n];
        for (int i = 0; i < n; i++) {
            ks[i] = Matern52.value(Matern52.r2(point, 0, x, i * p, invL2), hyper.outputScale());
        }
        return ks;
    }

    @Override
    public Posterior posterior(double[] point) {
        double[] ks = crossCovariance(point);
        double mean = hyper.mean();
        for (int i = 0; i < n; i++) {
            mean += ks[i] * alpha[i];
        }
        double[] v = chol.solveLower(ks);
        double var = hyper.outputScale();
        for (double vi : v) {
            var -= vi * vi;
        }
        return new Posterior(mean, Math.max(var, 0.0));
    }

    @Override
    public Posterior posterior(double[] point, double[] dMean, double[] dVariance) {
        double[] ks = crossCovariance(point);
        double mean = hyper.mean();
        for (int i = 0; i < n; i++) {
            mean += ks[i] * alpha[i];
        }
        double[] v = chol.solveLower(ks);
        double var = hyper.outputScale();
        for (double vi : v) {
            var -= vi * vi;
        }
        double[] w = chol.solveUpper(v); // K^-1 k*
        Arrays.fill(dMean, 0);
        Arrays.fill(dVariance, 0);
        double s2 = hyper.outputScale();
        for (int i = 0; i < n; i++) {
            double g = Matern52.slope(Matern52.r2(point, 0, x, i * p, invL2), s2);
            double am = alpha[i] * g;
            double av = -2 * w[i] * g;
            int ri = i * p;
            for (int j = 0; j < p; j++) {
                double dk = -(point[j] - x[ri + j]) * invL2[j]; // dk/dx_j divided by g
                dMean[j] += am * dk;
                dVariance[j] += av * dk;
            }
        }
        if (var <= 0) {
            Arrays.fill(dVariance, 0);
        }
        return new Posterior(mean, Math.max(var, 0.0));
    }

    /** This model with one more observation, same hyperparameters (kriging believer / constant liar). */
    public GpModel condition(double[] point, double value) {
        double[] ks = crossCovariance(point);
        Cholesky grown = chol.extend(ks, hyper.outputScale() + hyper.noise());
        double[] nx = Arrays.copyOf(x, x.length + p);
        System.arraycopy(point, 0, nx, x.length, p);
        double[] ny = Arrays.copyOf(y, n + 1);
        ny[n] = value;
        return new GpModel(nx, ny, p, hyper, grown);
    }
}
