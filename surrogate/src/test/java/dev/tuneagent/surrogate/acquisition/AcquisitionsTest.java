package dev.tuneagent.surrogate.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class AcquisitionsTest {

    @Test
    void expectedImprovementMatchesBoTorchsClosedFormExample() {
        // BoTorch's example: maximization, mean -0.5, variance 1, best 0 -> EI = 0.19780.
        // Our functions minimize a loss, so the maximization problem is passed negated.
        assertThat(Acquisitions.expectedImprovement(0.5, 1.0, 0.0)).isCloseTo(0.19780, within(1e-5));
    }

    @Test
    void acquisitionsMatchScipyValues() {
        // Computed with /usr/bin/python3, SciPy 1.10.1: z = (0.1 - 0.3) / 0.7;
        // EI = 0.7 * (norm.pdf(z) + z * norm.cdf(z)) = 0.19058103574135013, PI = norm.cdf(z) = 0.38754848109799234.
        assertThat(Acquisitions.expectedImprovement(0.3, 0.7, 0.1)).isCloseTo(0.19058103574135013, within(1e-12));
        assertThat(Acquisitions.logExpectedImprovement(0.3, 0.7, 0.1)).isCloseTo(-1.6576777903966753, within(1e-12));
        assertThat(Acquisitions.probabilityOfImprovement(0.3, 0.7, 0.1)).isCloseTo(0.38754848109799234, within(1e-12));
        assertThat(Acquisitions.upperConfidenceBound(0.3, 0.7, 4.0)).isCloseTo(1.1, within(1e-12));
    }

    @Test
    void logExpectedImprovementStaysAccurateFarInTheTailWhereEiUnderflows() {
        // log h(z), h(z) = phi(z) + z Phi(z), with mpmath at 50 digits (/usr/bin/python3, mpmath 1.2.1).
        double[][] cases = {{-5, -16.74430116266099}, {-20, -206.9178385094251}, {-40, -808.29856835661996},
            {-1000, -500014.73445209116}};
        for (double[] c : cases) {
            assertThat(Acquisitions.logExpectedImprovement(-c[0], 1.0, 0.0)).as("z=%s", c[0])
                    .isCloseTo(c[1], within(1e-9 * Math.abs(c[1])));
        }
        assertThat(Acquisitions.expectedImprovement(40, 1.0, 0.0)).isZero();
    }

    @Test
    void logProbabilityOfImprovementMatchesMpmathInTheTail() {
        // log(ncdf(z)) with mpmath at 50 digits; scipy.special.log_ndtr agrees to 1e-15.
        assertThat(Acquisitions.logProbabilityOfImprovement(20, 1.0, 0.0)).isCloseTo(-203.91715537109726, within(1e-9));
        assertThat(Acquisitions.logProbabilityOfImprovement(40, 1.0, 0.0)).isCloseTo(-804.60844201375379, within(1e-9));
        assertThat(Acquisitions.logProbabilityOfImprovement(5, 1.0, 0.0)).isCloseTo(-15.064998393988726, within(1e-9));
    }

    @Property
    void logEiDerivativesAgreeWithFiniteDifferences(@ForAll @DoubleRange(min = -30, max = 30) double mean,
                                                     @ForAll @DoubleRange(min = 0.05, max = 5) double sd) {
        double[] a = Acquisitions.logExpectedImprovementWithDerivatives(mean, sd, 0.0);
        double h = 1e-5;
        double dMean = (Acquisitions.logExpectedImprovement(mean + h, sd, 0) - Acquisitions.logExpectedImprovement(mean - h, sd, 0)) / (2 * h);
        double dSd = (Acquisitions.logExpectedImprovement(mean, sd + h, 0) - Acquisitions.logExpectedImprovement(mean, sd - h, 0)) / (2 * h);
        assertThat(a[0]).isCloseTo(Acquisitions.logExpectedImprovement(mean, sd, 0), within(1e-12));
        assertThat(a[1]).isCloseTo(dMean, within(1e-4 * Math.max(1, Math.abs(dMean))));
        assertThat(a[2]).isCloseTo(dSd, within(1e-4 * Math.max(1, Math.abs(dSd))));
    }

    @Property
    void logEiIsTheLogOfEiWhereEiIsRepresentable(@ForAll @DoubleRange(min = -10, max = 10) double mean,
                                                  @ForAll @DoubleRange(min = 0.01, max = 10) double sd) {
        double ei = Acquisitions.expectedImprovement(mean, sd, 0.0);
        double logEi = Acquisitions.logExpectedImprovement(mean, sd, 0.0);
        assertThat(Double.isFinite(logEi)).isTrue();
        if (ei > 1e-250) {
            assertThat(logEi).isCloseTo(Math.log(ei), within(1e-8 * Math.max(1, Math.abs(logEi))));
        }
    }

    @Property
    void eiIsNonNegativeAndFallsAsTheMeanRises(@ForAll @DoubleRange(min = -10, max = 10) double mean,
                                               @ForAll @DoubleRange(min = 0.01, max = 10) double sd) {
        double ei = Acquisitions.expectedImprovement(mean, sd, 0.0);
        assertThat(ei).isGreaterThanOrEqualTo(0);
        assertThat(Acquisitions.logExpectedImprovement(mean + 0.1, sd, 0.0))
                .isLessThan(Acquisitions.logExpectedImprovement(mean, sd, 0.0));
    }

    @Test
    void eiFarInTheTailIsTinyButNeverNegative() {
        // The naive phi(z) + z Phi(z) gave -2.5e-323 here (found by jqwik).
        for (double mean = 5; mean < 40; mean += 0.37) {
            assertThat(Acquisitions.expectedImprovement(mean, 0.13, 0.0)).isGreaterThanOrEqualTo(0);
        }
        assertThat(Acquisitions.expectedImprovement(5, 1, 0)).isCloseTo(Math.exp(-16.74430116266099), within(1e-15));
    }

    @Test
    void zeroUncertaintyGivesThePlainImprovement() {
        assertThat(Acquisitions.expectedImprovement(-1, 0, 0)).isEqualTo(1);
        assertThat(Acquisitions.expectedImprovement(1, 0, 0)).isZero();
        assertThat(Acquisitions.probabilityOfImprovement(-1, 0, 0)).isEqualTo(1);
    }
}
