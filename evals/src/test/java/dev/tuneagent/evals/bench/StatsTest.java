package dev.tuneagent.evals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of summarize.py's q(v, p) (k = (n - 1) p, linear interpolation) and statistics.median. */
class StatsTest {

    @Test
    void quartilesOfFourValuesInterpolateBetweenNeighbours() {
        List<Double> v = List.of(4.0, 1.0, 3.0, 2.0); // sorted 1,2,3,4
        assertThat(Stats.quantile(v, .25)).isEqualTo(1.75); // k = 0.75: 1 + (2 - 1) * 0.75
        assertThat(Stats.quantile(v, .75)).isEqualTo(3.25); // k = 2.25: 3 + (4 - 3) * 0.25
        assertThat(Stats.median(v)).isEqualTo(2.5);
    }

    @Test
    void quartilesOfThreeValuesFallHalfwayBetweenUnequalGaps() {
        List<Double> v = List.of(5.0, 1.0, 10.0); // sorted 1,5,10
        assertThat(Stats.quantile(v, .25)).isEqualTo(3.0); // k = 0.5: 1 + 4 * 0.5
        assertThat(Stats.quantile(v, .75)).isEqualTo(7.5); // k = 1.5: 5 + 5 * 0.5
        assertThat(Stats.median(v)).isEqualTo(5.0);
    }

    @Test
    void aSingleValueIsItsOwnMedianAndQuartiles() {
        assertThat(Stats.quantile(List.of(2.0), .25)).isEqualTo(2.0);
        assertThat(Stats.quantile(List.of(2.0), .75)).isEqualTo(2.0);
        assertThat(Stats.median(List.of(2.0))).isEqualTo(2.0);
    }

    @Test
    void quartilesAtTheEndsAreTheExtremes() {
        List<Double> v = List.of(3.0, -1.0, 7.0, 2.0, 0.5);
        assertThat(Stats.quantile(v, 0)).isEqualTo(-1.0);
        assertThat(Stats.quantile(v, 1)).isEqualTo(7.0);
    }

    @Test
    void formattingRoundsLikePythonsFixedPointFormat() {
        // Expected strings printed by /usr/bin/python3: f"{x:.2f}" and f"{x:.1f}".
        assertThat(Stats.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(Stats.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(Stats.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(Stats.fixed(1.005, 2)).isEqualTo("1.00");
        assertThat(Stats.fixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(Stats.fixed(-0.0, 1)).isEqualTo("-0.0");
        assertThat(Stats.fixed(0.05, 1)).isEqualTo("0.1");
        assertThat(Stats.fixed(0.25, 1)).isEqualTo("0.2");
    }

    @Test
    void regretIsClampedAtOneEMinusTwelveBeforeTheLogarithm() {
        assertThat(Stats.log10Regret(0.0)).isEqualTo(-12.0);
        assertThat(Stats.log10Regret(100.0)).isEqualTo(2.0);
    }
}
