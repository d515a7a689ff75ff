package dev.tuneagent.surrogate.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    @Test
    void solvesASmallSystemExactly() {
        double[] a = {4, 2, 2, 3};
        Cholesky c = Cholesky.factor(a, 2);
        double[] z = c.solve(new double[] {2, 1});
        // [4 2; 2 3] z = [2; 1] -> z = [0.5, 0]
        assertThat(z[0]).isCloseTo(0.5, within(1e-14));
        assertThat(z[1]).isCloseTo(0.0, within(1e-14));
        assertThat(c.logDeterminant()).isCloseTo(Math.log(8), within(1e-14));
        assertThat(c.jitter()).isZero();
    }

    @Test
    void singularMatrixGetsJustEnoughJitter() {
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        Cholesky c = Cholesky.factor(ones, 3);
        assertThat(c.jitter()).isPositive().isLessThan(1e-4);
    }

    @Test
    void inverseTimesMatrixIsIdentity() {
        double[] a = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2};
        double[] inv = Cholesky.factor(a, 3).inverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i * 3 + k] * inv[k * 3 + j];
                }
                assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
    }

    /** A random symmetric positive definite matrix (B B^T + n I), row-major. */
    private static double[] spd(int n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble(-1, 1);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? n : 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    /** The leading m x m block of an n x n row-major matrix. */
    private static double[] leading(double[] a, int n, int m) {
        double[] out = new double[m * m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, i * n, out, i * m, m);
        }
        return out;
    }

    @Test
    void extendingByOneRowEqualsAFreshFactorizationOfTheGrownMatrix() {
        for (int n : new int[] {1, 2, 7, 20}) {
            double[] a = spd(n + 1, n);
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = a[i * (n + 1) + n];
            }
            Cholesky grown = Cholesky.factor(leading(a, n + 1, n), n).extend(column, a[n * (n + 1) + n]);
            Cholesky fresh = Cholesky.factor(a, n + 1);
            assertThat(grown.size()).isEqualTo(n + 1);
            for (int i = 0; i <= n; i++) {
                for (int j = 0; j <= n; j++) {
                    assertThat(grown.at(i, j)).as("n=%d L[%d][%d]", n, i, j)
                            .isCloseTo(fresh.at(i, j), within(1e-12 * Math.max(1, Math.abs(fresh.at(i, j)))));
                }
            }
            assertThat(grown.logDeterminant()).isCloseTo(fresh.logDeterminant(), within(1e-10));
        }
    }

    @Test
    void extendingTwiceEqualsFactoringOnceAndSolvesTheSameSystem() {
        int n = 6;
        double[] a = spd(n, 42);
        Cholesky c = Cholesky.factor(leading(a, n, n - 2), n - 2);
        for (int m = n - 2; m < n; m++) {
            double[] column = new double[m];
            for (int i = 0; i < m; i++) {
                column[i] = a[i * n + m];
            }
            c = c.extend(column, a[m * n + m]);
        }
        double[] b = {1, -2, 0.5, 3, 0, -1};
        double[] z = c.solve(b);
        double[] expected = Cholesky.factor(a, n).solve(b);
        for (int i = 0; i < n; i++) {
            assertThat(z[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void extendingWithADuplicatedRowStaysFiniteAndKeepsTheJitter() {
        // A GP conditioned again at an observed point (kriging believer on a pending duplicate): the grown
        // matrix is singular; the new diagonal is floored instead of becoming sqrt(0) or NaN.
        double[] a = {2, 1, 1, 2};
        Cholesky c = Cholesky.factor(a, 2);
        Cholesky grown = c.extend(new double[] {2, 1}, 2);
        assertThat(grown.at(2, 2)).isPositive().isFinite();
        assertThat(grown.jitter()).isEqualTo(c.jitter());
        for (double v : grown.solve(new double[] {1, 1, 1})) {
            assertThat(v).isFinite();
        }
    }
}
