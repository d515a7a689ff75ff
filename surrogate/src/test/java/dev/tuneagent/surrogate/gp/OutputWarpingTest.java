package dev.tuneagent.surrogate.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OutputWarpingTest {

    @Property
    void warpingKeepsTheOrderOfLosses(@ForAll @Size(min = 2, max = 40) java.util.List<@DoubleRange(min = -1e6, max = 1e6) Double> raw) {
        double[] v = raw.stream().mapToDouble(Double::doubleValue).toArray();
        double[] w = OutputWarping.warp(v);
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.isFinite(w[i])).isTrue();
            for (int j = 0; j < v.length; j++) {
                if (v[i] < v[j]) {
                    assertThat(w[i]).isLessThanOrEqualTo(w[j]);
                }
            }
        }
    }

    @Test
    void constantLossesBecomeZeros() {
        assertThat(OutputWarping.warp(new double[] {3, 3, 3})).containsExactly(0, 0, 0);
        assertThat(OutputWarping.warp(new double[] {7})).containsExactly(0);
    }

    @Test
    void extremeFiniteLossesKeepTheirOrderWithoutOverflow() {
        double[] w = OutputWarping.warp(new double[] {1e308, -1e308, 1e-300, 5e307});
        assertThat(w[1]).isLessThan(w[2]);
        assertThat(w[2]).isLessThan(w[3]);
        assertThat(w[3]).isLessThan(w[0]);
    }

    @Test
    void aHeavyRightTailIsCompressed() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] v = new double[50];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(3 * rng.nextGaussian()); // log-normal: extremely skewed
        }
        assertThat(Math.abs(skew(OutputWarping.warp(v)))).isLessThan(Math.abs(skew(OutputWarping.standardize(v))) / 3);
    }

    private static double skew(double[] z) {
        double s = 0;
        for (double x : z) {
            s += x * x * x;
        }
        return s / z.length;
    }
}
