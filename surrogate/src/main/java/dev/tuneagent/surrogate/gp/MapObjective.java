package dev.tuneagent.surrogate.gp;

import dev.tuneagent.surrogate.optim.DifferentiableFunction;

/**
 * Negative log marginal likelihood plus negative log prior of a Matérn-5/2 ARD GP, with its
 * analytic gradient in {@code t = [log l..., log s2, log noise, mean]}:
 * {@code dL/dt_k = 1/2 sum_ab (alpha alpha^T - K^-1)_ab dK_ab/dt_k}.
 */
public final class MapObjective implements DifferentiableFunction {
    private final int n;
    private final int p;
    private final double[] y;
    private final double[] diff2; // per pair (a > b), p squared coordinate differences
    private final HyperPriors priors;

    public MapObjective(double[][] inputs, double[] outputs, HyperPriors priors) {
        this.n = outputs.length;
        this.p = inputs[0].length;
        this.y = outputs.clone();
        this.priors = priors;
        int pairs = n * (n - 1) / 2;
        this.diff2 = new double[pairs * p];
        int q = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                for (int j = 0; j < p; j++) {
                    double d = inputs[a][j] - inputs[b][j];
                    diff2[q++] = d * d;
                }
            }
        }
    }

    public int parameterCount() {
        return p + 3;
    }

    @Override
    public double valueAndGradient(double[] t, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double[] invL2 = new double[p];
        for (int j = 0; j < p; j++) {
            invL2[j] = Math.exp(-2 * t[j]);
        }
        double s2 = Math.exp(t[p]);
        double noise = Math.exp(t[p + 1]);
        double mean = t[p + 2];
        int pairs = n * (n - 1) / 2;
        double[] kv = new double[pairs];
        double[] gv = new double[pairs];
        double[] k = new double[n * n];
        int q = 0;
        for (int a = 0; a < n; a++) {
            k[a * n + a] = s2 + noise;
            for (int b = 0; b < a; b++) {
                double r2 = 0;
                int off = q * p;
                for (int j = 0; j < p; j++) {
                    r2 += diff2[off + j] * invL2[j];
                }
                double r = Math.sqrt(r2);
                double e = Math.exp(-Matern52.SQRT5 * r);
                double v = s2 * (1 + Matern52.SQRT5 * r + 5.0 / 3.0 * r2) * e;
                kv[q] = v;
                gv[q] = 5.0 / 3.0 * s2 * (1 + Matern52.SQRT5 * r) * e;
                k[a * n + b] = v;
                k[b * n + a] = v;
                q++;
            }
        }
        Cholesky chol;
        try {
            chol = Cholesky.factor(k, n);
        } catch (IllegalStateException e) {
            return Double.POSITIVE_INFINITY;
        }
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) {
            centred[i] = y[i] - mean;
        }
        double[] alpha = chol.solve(centred);
        double fit = 0;
        double sumAlpha = 0;
        for (int i = 0; i < n; i++) {
            fit += centred[i] * alpha[i];
            sumAlpha += alpha[i];
        }
        double logLik = -0.5 * fit - 0.5 * chol.logDeterminant() - 0.5 * n * Math.log(2 * Math.PI);
        double[] inv = chol.inverse();
        // Gradient of the log likelihood (w = alpha alpha^T - K^-1).
        double dS2 = 0;
        double dNoise = 0;
        for (int a = 0; a < n; a++) {
            double wDiag = alpha[a] * alpha[a] - inv[a * n + a];
            dS2 += 0.5 * wDiag * s2;
            dNoise += 0.5 * wDiag * noise;
        }
        q = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                double w = alpha[a] * alpha[b] - inv[a * n + b];
                dS2 += w * kv[q]; // two symmetric entries times 1/2
                double wg = w * gv[q];
                int off = q * p;
                for (int j = 0; j < p; j++) {
                    grad[j] += wg * diff2[off + j];
                }
                q++;
            }
        }
        for (int j = 0; j < p; j++) {
            grad[j] *= invL2[j];
        }
        grad[p] = dS2;
        grad[p + 1] = dNoise;
        grad[p + 2] = sumAlpha;
        double logPrior = 0;
        double[] dPrior = new double[p + 3];
        for (int j = 0; j < p; j++) {
            logPrior += HyperPriors.logNormalOnValue(t[j], priors.lengthLoc(), priors.lengthScale(), dPrior, j);
        }
        logPrior += HyperPriors.logNormalOnValue(t[p + 1], priors.noiseLoc(), priors.noiseScale(), dPrior, p + 1);
        double zs = t[p] / priors.outputLogSd();
        logPrior += -0.5 * zs * zs;
        dPrior[p] += -zs / priors.outputLogSd();
        double zm = mean / priors.meanSd();
        logPrior += -0.5 * zm * zm;
        dPrior[p + 2] += -zm / priors.meanSd();
        for (int i = 0; i < p + 3; i++) {
            grad[i] = -(grad[i] + dPrior[i]);
        }
        return -(logLik + logPrior);
    }
}
