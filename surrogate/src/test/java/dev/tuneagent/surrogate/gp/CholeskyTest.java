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
}
