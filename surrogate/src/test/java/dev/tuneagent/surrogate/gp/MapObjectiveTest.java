package dev.tuneagent.surrogate.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MapObjectiveTest {

    @Test
    void valueIsMinusLogMarginalLikelihoodMinusLogPrior() {
        HyperPriors priors = HyperPriors.forDimension(2);
        double[] t = GpModelTest.H.pack();
        double value = new MapObjective(GpModelTest.X, GpModelTest.Y, priors).valueAndGradient(t, new double[5]);
        // Log marginal likelihood from NumPy 1.24.2 (/usr/bin/python3), same data as GpModelTest.
        double lml = -3.7893534108615596;
        double logPrior = 0;
        for (int j = 0; j < 2; j++) {
            double z = (t[j] - priors.lengthLoc()) / priors.lengthScale();
            logPrior += -t[j] - 0.5 * z * z;
        }
        double zn = (t[3] - priors.noiseLoc()) / priors.noiseScale();
        logPrior += -t[3] - 0.5 * zn * zn;
        logPrior += -0.5 * Math.pow(t[2] / priors.outputLogSd(), 2) - 0.5 * Math.pow(t[4] / priors.meanSd(), 2);
        assertThat(value).isCloseTo(-(lml + logPrior), within(1e-10));
    }

    @Test
    void gradientAgreesWithFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] x = new double[12][3];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextDouble();
            }
            y[i] = Math.sin(3 * x[i][0]) + x[i][1] * x[i][2] + 0.1 * rng.nextGaussian();
        }
        MapObjective f = new MapObjective(x, y, HyperPriors.forDimension(3));
        double[] t = {Math.log(0.4), Math.log(0.8), Math.log(1.5), Math.log(1.2), Math.log(0.02), 0.1};
        double[] g = new double[6];
        f.valueAndGradient(t, g);
        double h = 1e-6;
        for (int k = 0; k < 6; k++) {
            double[] up = t.clone();
            double[] down = t.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (f.valueAndGradient(up, new double[6]) - f.valueAndGradient(down, new double[6])) / (2 * h);
            assertThat(g[k]).as("component %d", k).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void fitterRecoversAShortLengthScaleForTheWigglyDimension() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 30;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
            y[i] = Math.sin(12 * x[i][0]) + 0.05 * x[i][1];
        }
        GpHyperparameters h = GpFitter.defaults().fit(x, OutputWarping.standardize(y), HyperPriors.forDimension(2),
                new SplittableRandom(1));
        assertThat(h.lengthScales()[0]).isLessThan(h.lengthScales()[1]);
        assertThat(h.noise()).isLessThan(0.05);
    }
}
