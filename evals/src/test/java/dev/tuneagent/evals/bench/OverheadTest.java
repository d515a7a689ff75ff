package dev.tuneagent.evals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverheadTest {

    @Test
    void theHistoryIsTheSameRandomDesignOnHartmann6WhateverTheStudySeed() {
        StudySnapshot a = Overhead.history(50, 1);
        StudySnapshot b = Overhead.history(50, 2);
        assertThat(a.completed()).hasSize(50);
        assertThat(a.space()).isEqualTo(BenchmarkFunctions.HARTMANN6.space());
        assertThat(a.trials().get(49).params()).isEqualTo(b.trials().get(49).params());
        assertThat(a.proposalSeed()).isNotEqualTo(b.proposalSeed());
        assertThat(a.trials().get(7).value())
                .isEqualTo(BenchmarkFunctions.HARTMANN6.evaluate(a.trials().get(7).params()));
    }

    @Test
    void growthIsTheLogLogSlopeOfTimeAgainstHistorySize() {
        Map<Integer, Double> cubic = new LinkedHashMap<>();
        for (int n : List.of(50, 100, 200, 500)) {
            cubic.put(n, 1e-6 * n * n * n);
        }
        assertThat(Overhead.exponent(cubic)).isEqualTo("3.00");
        assertThat(Overhead.exponent(Map.of(50, 0.01, 500, 0.01))).isEmpty();
    }

    @Test
    void theTableMarksAProposerOverTheLimitAsMissed() {
        Map<String, Map<Integer, Double>> m = new LinkedHashMap<>();
        m.put("tune-fast", Map.of(50, 1.0, 100, 2.0, 200, 4.0, 500, 10.0));
        m.put("tune-slow", Map.of(50, 60.0, 100, 120.0, 200, 240.0, 500, 600.0));
        String md = Overhead.markdown(m, Overhead.SIZES);
        assertThat(md).contains("| tune-fast | 1.0 | 2.0 | 4.0 | 10.0 | 1.00 | met |")
                .contains("| tune-slow | 60.0 | 120.0 | 240.0 | 600.0 | 1.00 | MISSED |");
    }

    @Test
    void measuringGivesAWallAndACpuMedianForEverySize() {
        Overhead.Timings t = Overhead.measure(new dev.tuneagent.core.proposer.RandomProposer(), List.of(5, 10), 3);
        assertThat(t.wallMs()).containsOnlyKeys(5, 10);
        assertThat(t.wallMs().values()).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(0));
        assertThat(t.cpuMs().keySet()).isSubsetOf(5, 10);
    }
}
