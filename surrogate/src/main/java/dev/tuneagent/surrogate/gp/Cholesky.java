package dev.tuneagent.surrogate.gp;

/**
 * Lower Cholesky factor of a symmetric matrix stored row-major in a flat array, with adaptive
 * jitter: when the matrix is not numerically positive definite (near-duplicate inputs with tiny
 * noise), a diagonal jitter starting at 1e-10 of the mean diagonal is added and grown tenfold
 * until the factorization succeeds, so a GP never crashes on duplicated points.
 *
 * <p>Own code rather than commons-math3's {@code CholeskyDecomposition}: that one throws on the
 * first non-positive pivot with a fixed threshold and works on {@code double[][]}; flat arrays and
 * retry-with-jitter are what the likelihood loop needs.
 */
public final class Cholesky {
    private final int n;
    private final double[] l;
    private final double jitter;

    private Cholesky(int n, double[] l, double jitter) {
        this.n = n;
        this.l = l;
        this.jitter = jitter;
    }

    public static Cholesky factor(double[] a, int n) {
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += a[i * n + i];
        }
        meanDiag = n == 0 ? 1 : Math.max(meanDiag / n, 1e-300);
        double jitter = 0;
        double[] l = new double[n * n];
        for (int attempt = 0; attempt < 14; attempt++) {
            if (tryFactor(a, n, jitter, l)) {
                return new Cholesky(n, l, jitter);
            }
            jitter = jitter == 0 ? 1e-10 * meanDiag : jitter * 10;
        }
        throw new IllegalStateException("matrix is not positive definite even with jitter " + jitter);
    }

    private static boolean tryFactor(double[] a, int n, double jitter, double[] l) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double sum = a[ri + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[ri + k] * l[rj + k];
                }
                if (i == j) {
                    sum += jitter;
                    if (!(sum > 0) || !Double.isFinite(sum)) {
                        return false;
                    }
                    l[ri + i] = Math.sqrt(sum);
                } else {
                    l[ri + j] = sum / l[rj + j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                l[ri + j] = 0;
            }
        }
        return true;
    }

    public int size() {
        return n;
    }

    /** The jitter that had to be added to the diagonal (0 when none). */
    public double jitter() {
        return jitter;
    }

    double at(int i, int j) {
        return l[i * n + j];
    }

    /** Solves L z = b. */
    public double[] solveLower(double[] b) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * z[k];
            }
            z[i] = s / l[ri + i];
        }
        return z;
    }

    /** Solves L^T z = b. */
    public double[] solveUpper(double[] b) {
        double[] z = b.clone();
        for (int i = n - 1; i >= 0; i--) {
            z[i] /= l[i * n + i];
            double zi = z[i];
            int ri = i * n;
            for (int k = 0; k < i; k++) {
                z[k] -= l[ri + k] * zi;
            }
        }
        return z;
    }

    /** Solves (L L^T) z = b. */
    public double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }

    /** The full inverse (L L^T)^-1, row-major. */
    public double[] inverse() {
        // mt holds L^-1 transposed (mt[j*n + k] = (L^-1)[k][j]) so every inner loop runs over
        // contiguous memory; then inv = (L^-1)^T L^-1.
        double[] mt = new double[n * n];
        for (int j = 0; j < n; j++) {
            int cj = j * n;
            mt[cj + j] = 1.0 / l[j * n + j];
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[ri + k] * mt[cj + k];
                }
                mt[cj + i] = s / l[ri + i];
            }
        }
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            int ci = i * n;
            for (int j = 0; j <= i; j++) {
                int cj = j * n;
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += mt[ci + k] * mt[cj + k];
                }
                inv[ci + j] = s;
                inv[cj + i] = s;
            }
        }
        return inv;
    }

    /** The factor of the matrix grown by one row/column {@code [k; kappa]} (O(n^2)). */
    public Cholesky extend(double[] k, double kappa) {
        double[] v = solveLower(k);
        double rest = kappa + jitter;
        for (double x : v) {
            rest -= x * x;
        }
        double diag = Math.sqrt(Math.max(rest, 1e-10 * Math.max(kappa, 1e-300)));
        int m = n + 1;
        double[] out = new double[m * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(l, i * n, out, i * m, n);
        }
        System.arraycopy(v, 0, out, n * m, n);
        out[n * m + n] = diag;
        return new Cholesky(m, out, jitter);
    }
}
