package dev.tuneagent.surrogate.gp;

import dev.tuneagent.surrogate.model.Posterior;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GpModelTest {
    static final double[][] X = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.3}};
    static final double[] Y = {1.0, -0.5, 0.3};
    static final GpHyperparameters H = new GpHyperparameters(new double[] {0.3, 0.5}, 1.5, 0.01, 0.2);

    @Test
    void posteriorMatchesNumpyOnThreePoints() {
        // /usr/bin/python3, NumPy 1.24.2: K = Matern52(X, X; l=[0.3,0.5], s2=1.5) + 0.01 I, mean 0.2,
        // mu = 0.2 + k^T K^-1 (y - 0.2), var = 1.5 - k^T K^-1 k at q = (0.4, 0.4).
        Posterior post = GpModel.fit(X, Y, H).posterior(new double[] {0.4, 0.4});
        assertThat(post.mean()).isCloseTo(0.2826215281737764, within(1e-12));
        assertThat(post.variance()).isCloseTo(0.8221912570823567, within(1e-12));
    }

    @Test
    void singleObservationGivesTheTextbookPosterior() {
        // One point at distance 0: mean = m + s2/(s2+noise) (y - m), var = s2 - s2^2/(s2+noise).
        GpHyperparameters h = new GpHyperparameters(new double[] {0.5}, 2.0, 0.5, 0.0);
        Posterior post = GpModel.fit(new double[][] {{0.3}}, new double[] {1.0}, h).posterior(new double[] {0.3});
        assertThat(post.mean()).isCloseTo(2.0 / 2.5, within(1e-12));
        assertThat(post.variance()).isCloseTo(2.0 - 4.0 / 2.5, within(1e-12));
    }

    @Test
    void conditioningOnOneMorePointEqualsRefitting() {
        GpModel model = GpModel.fit(X, Y, H).condition(new double[] {0.4, 0.6}, 0.7);
        GpModel refit = GpModel.fit(new double[][] {X[0], X[1], X[2], {0.4, 0.6}}, new double[] {1.0, -0.5, 0.3, 0.7}, H);
        double[] q = {0.2, 0.7};
        assertThat(model.posterior(q).mean()).isCloseTo(refit.posterior(q).mean(), within(1e-10));
        assertThat(model.posterior(q).variance()).isCloseTo(refit.posterior(q).variance(), within(1e-10));
    }

    @Test
    void duplicatedPointsDoNotBreakTheFactorization() {
        double[][] x = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5 + 1e-15}};
        GpHyperparameters noiseless = new GpHyperparameters(new double[] {0.2, 0.2}, 1.0, 0.0, 0.0);
        Posterior post = GpModel.fit(x, new double[] {1, 1.1, 0.9}, noiseless).posterior(new double[] {0.5, 0.5});
        assertThat(post.mean()).isCloseTo(1.0, within(0.05));
        assertThat(post.variance()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 50)
    void posteriorVarianceIsNeverNegativeAndNeverAboveThePrior(@ForAll @IntRange(min = 1, max = 30) int n,
                                                               @ForAll long seed,
                                                               @ForAll @DoubleRange(min = 0.01, max = 3) double length) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextInt(4) / 3.0; // a coarse grid makes duplicates likely
            }
            y[i] = rng.nextGaussian();
        }
        GpModel model = GpModel.fit(x, y, new GpHyperparameters(new double[] {length, length, length}, 1.0, 1e-8, 0.0));
        for (int k = 0; k < 20; k++) {
            double[] q = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            double v = model.posterior(q).variance();
            assertThat(v).isBetween(0.0, 1.0 + 1e-9);
        }
    }

    @Property(tries = 30)
    void noiseFreeDataIsNearlyInterpolated(@ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 8;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
            y[i] = Math.sin(5 * x[i][0]) + x[i][1];
        }
        GpModel model = GpModel.fit(x, y, new GpHyperparameters(new double[] {0.3, 0.3}, 1.0, 1e-6, 0.0));
        for (int i = 0; i < n; i++) {
            Posterior post = model.posterior(x[i]);
            assertThat(post.mean()).isCloseTo(y[i], within(1e-2));
            assertThat(post.variance()).isLessThan(1e-3);
        }
    }

    @Test
    void posteriorGradientsAgreeWithFiniteDifferences() {
        GpModel model = GpModel.fit(X, Y, H);
        double[] q = {0.33, 0.61};
        double[] dMean = new double[2];
        double[] dVar = new double[2];
        model.posterior(q, dMean, dVar);
        double h = 1e-6;
        for (int j = 0; j < 2; j++) {
            double[] up = q.clone();
            double[] down = q.clone();
            up[j] += h;
            down[j] -= h;
            double fdMean = (model.posterior(up).mean() - model.posterior(down).mean()) / (2 * h);
            double fdVar = (model.posterior(up).variance() - model.posterior(down).variance()) / (2 * h);
            assertThat(dMean[j]).isCloseTo(fdMean, within(1e-6));
            assertThat(dVar[j]).isCloseTo(fdVar, within(1e-6));
        }
    }
}
