package dev.tuneagent.evals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticInstanceTest {

    private static Map<String, Object> config(SyntheticInstance in, double[] u) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (int j = 0; j < u.length; j++) {
            c.put(in.param(j), u[j]);
        }
        return c;
    }

    @Test
    void everyAnonymizedInstanceStillHoldsTheMinimizerInsideTheUnitBox() {
        for (BenchmarkFunction f : BenchmarkFunctions.all()) {
            for (long seed = 0; seed < 20; seed++) {
                SyntheticInstance in = SyntheticInstance.anonymized(f, seed);
                double[] u = in.minimizerInView();
                for (double x : u) {
                    assertThat(x).as(f.name() + " seed " + seed).isBetween(0.0, 1.0);
                }
                double own = f.evaluate(in.point(config(in, u)));
                assertThat(own).as(f.name()).isCloseTo(f.minimum(), within(1e-6 * Math.max(1, Math.abs(f.minimum()))));
            }
        }
    }

    @Test
    void anonymizedParametersAreX1ToXdOnTheUnitIntervalAndTheBoxIsASubBox() {
        BenchmarkFunction f = BenchmarkFunctions.HARTMANN6;
        SyntheticInstance in = SyntheticInstance.anonymized(f, 3);
        assertThat(in.space().names()).containsExactly("x1", "x2", "x3", "x4", "x5", "x6");
        in.space().params().forEach(p -> assertThat(p).isEqualTo(new FloatParam(p.name(), 0.0, 1.0, false)));
        for (int i = 0; i < f.dimension(); i++) {
            double width = in.hi()[i] - in.lo()[i];
            double full = f.upper()[i] - f.lower()[i];
            assertThat(in.lo()[i]).isGreaterThanOrEqualTo(f.lower()[i]);
            assertThat(in.hi()[i]).isLessThanOrEqualTo(f.upper()[i] + 1e-12);
            assertThat(width / full).isBetween(SyntheticInstance.MIN_FRACTION - 1e-12, SyntheticInstance.MAX_FRACTION + 1e-12);
        }
    }

    @Test
    void theSameSeedGivesTheSameInstanceAndAnotherSeedAnotherOne() {
        SyntheticInstance a = SyntheticInstance.anonymized(BenchmarkFunctions.LEVY6, 1);
        SyntheticInstance b = SyntheticInstance.anonymized(BenchmarkFunctions.LEVY6, 1);
        SyntheticInstance c = SyntheticInstance.anonymized(BenchmarkFunctions.LEVY6, 2);
        assertThat(a.perm()).containsExactly(b.perm());
        assertThat(a.lo()).containsExactly(b.lo());
        assertThat(a.scale()).isEqualTo(b.scale());
        assertThat(a.shift()).isEqualTo(b.shift());
        assertThat(a.lo()).isNotEqualTo(c.lo());
    }

    @Test
    void reportedValuesAreAPositiveAffineMapThatMapsBackExactlyEnoughForRegret() {
        SyntheticInstance in = SyntheticInstance.anonymized(BenchmarkFunctions.BRANIN, 4);
        assertThat(in.scale()).isPositive();
        double own = 0.397887357729739 + 1e-9;
        assertThat(in.reported(own)).isEqualTo(in.scale() * own + in.shift());
        assertThat(in.own(in.reported(own)) - 0.397887357729739).isCloseTo(1e-9, within(1e-13));
        assertThat(in.reported(2.0)).isGreaterThan(in.reported(1.0));
    }

    @Test
    void theCoordinatesArePermutedAndReflected() {
        SyntheticInstance in = SyntheticInstance.anonymized(BenchmarkFunctions.STYBLINSKI_TANG8, 0);
        boolean permuted = false;
        for (int j = 0; j < in.perm().length; j++) {
            permuted |= in.perm()[j] != j;
        }
        boolean reflected = false;
        for (boolean r : in.reflect()) {
            reflected |= r;
        }
        assertThat(permuted).isTrue();
        assertThat(reflected).isTrue();
        // x1 = 0 is the sub-box's upper end of its coordinate when reflected, the lower end otherwise.
        double[] u = new double[in.perm().length];
        double[] x = in.point(config(in, u));
        int i = in.perm()[0];
        assertThat(x[i]).isEqualTo(in.reflect()[0] ? in.hi()[i] : in.lo()[i]);
    }

    @Test
    void thePlainViewIsTheTextbookFunction() {
        SyntheticInstance in = SyntheticInstance.plain(BenchmarkFunctions.BRANIN);
        assertThat(in.space()).isEqualTo(BenchmarkFunctions.BRANIN.space());
        Map<String, Object> c = Map.of("x0", 1.0, "x1", 2.0);
        assertThat(in.reported(BenchmarkFunctions.BRANIN.evaluate(in.point(c))))
                .isEqualTo(BenchmarkFunctions.BRANIN.evaluate(c));
        assertThat(in.view()).isEqualTo("plain");
    }
}
