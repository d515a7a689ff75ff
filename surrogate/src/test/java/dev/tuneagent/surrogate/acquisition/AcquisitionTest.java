package dev.tuneagent.surrogate.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.task.GpSpec;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The acquisitions a task file can select, against closed-form values in BoTorch's style. Our losses are
 * minimized, so BoTorch's maximization examples (mean m, incumbent b) are passed as mean -m, best -b.
 * Reference values: SciPy 1.17.1 (norm.pdf, norm.cdf, norm.logcdf).
 */
class AcquisitionTest {

    @Test
    void logEiOfBoTorchsExampleIsTheLogOf0_19780() {
        // BoTorch: maximization, mean -0.5, variance 1, best 0 -> EI = 0.19780.
        Acquisition a = Acquisition.of(GpSpec.defaults(), 0.0);
        assertThat(a.name()).isEqualTo("logei");
        assertThat(a.value(0.5, 1.0)).isCloseTo(-1.6205162643873197, within(1e-12));
        assertThat(Math.exp(a.valueAndDerivatives(0.5, 1.0)[0])).isCloseTo(0.19780, within(1e-5));
        assertThat(a.reported(-1.25)).isEqualTo(-1.25);
    }

    @Test
    void piOfBoTorchsExampleIsPhiOfMinusOne() {
        // BoTorch: maximization, mean 0, variance 1, best 1 -> PI = Phi(-1) = 0.1587.
        Acquisition a = Acquisition.of(new GpSpec("pi", null), -1.0);
        assertThat(a.name()).isEqualTo("pi");
        double log = a.valueAndDerivatives(0.0, 1.0)[0];
        assertThat(log).isCloseTo(-1.8410216450092634, within(1e-12));
        assertThat(a.reported(log)).isCloseTo(0.15865525393145707, within(1e-12));
        assertThat(a.value(0.0, 1.0)).isEqualTo(log);
    }

    @Test
    void ucbOfBoTorchsExampleIsMeanPlusSqrtBetaTimesSd() {
        // BoTorch: mean 0, variance 1, beta 1 -> UCB = 1; with beta 4 and sd 0.5 the bound is one sd wider.
        assertThat(Acquisition.of(GpSpec.ucb(1.0), 123).value(0.0, 1.0)).isEqualTo(1.0);
        Acquisition a = Acquisition.of(GpSpec.ucb(4.0), 123);
        assertThat(a.name()).isEqualTo("ucb");
        assertThat(a.valueAndDerivatives(0.3, 0.5)).containsExactly(-0.3 + 2 * 0.5, -1, 2);
        assertThat(Acquisition.of(new GpSpec("ucb", null), 0)).isEqualTo(new Acquisition.Ucb(GpSpec.DEFAULT_BETA));
    }

    @Test
    void logPiStaysFiniteAndAccurateFarInTheTail() {
        Acquisition a = Acquisition.of(new GpSpec("pi", null), 0.0);
        double[] at30 = a.valueAndDerivatives(30, 1.0);
        assertThat(at30[0]).isCloseTo(-454.32124395634327, within(1e-9));
        // d log PI / d mean = -phi(z)/Phi(z) / sd, the inverse Mills ratio at z = -30.
        assertThat(at30[1]).isCloseTo(-30.033259667435388, within(1e-9));
        assertThat(Normal.inverseMillsRatio(-6)).isCloseTo(6.158482604544622, within(1e-12));
        assertThat(Normal.inverseMillsRatio(-4.9)).isCloseTo(5.089828600129884, within(1e-12));
    }

    @Property
    void everyAcquisitionsDerivativesAgreeWithFiniteDifferences(
            @ForAll @DoubleRange(min = -30, max = 30) double mean, @ForAll @DoubleRange(min = 0.05, max = 5) double sd) {
        for (Acquisition a : List.of(Acquisition.of(GpSpec.defaults(), 0.0), Acquisition.of(new GpSpec("pi", null), 0.0),
                Acquisition.of(GpSpec.ucb(2.0), 0.0))) {
            double[] v = a.valueAndDerivatives(mean, sd);
            double h = 1e-5;
            double dMean = (a.value(mean + h, sd) - a.value(mean - h, sd)) / (2 * h);
            double dSd = (a.value(mean, sd + h) - a.value(mean, sd - h)) / (2 * h);
            assertThat(v[0]).as(a.name()).isCloseTo(a.value(mean, sd), within(1e-12 * Math.max(1, Math.abs(v[0]))));
            assertThat(v[1]).as(a.name() + " d/dmean").isCloseTo(dMean, within(1e-4 * Math.max(1, Math.abs(dMean))));
            assertThat(v[2]).as(a.name() + " d/dsd").isCloseTo(dSd, within(1e-4 * Math.max(1, Math.abs(dSd))));
        }
    }

    @Test
    void withNoUncertaintyEachAcquisitionIsStillDefined() {
        assertThat(Acquisition.of(GpSpec.defaults(), 0.0).value(-2, 0)).isEqualTo(Math.log(2));
        assertThat(Acquisition.of(GpSpec.defaults(), 0.0).value(2, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Acquisition.of(new GpSpec("pi", null), 0.0).value(-2, 0)).isZero();
        assertThat(Acquisition.of(GpSpec.ucb(9), 0.0).value(2, 0)).isEqualTo(-2);
    }
}
