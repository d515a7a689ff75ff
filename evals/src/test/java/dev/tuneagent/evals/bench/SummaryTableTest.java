package dev.tuneagent.evals.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    /** A run whose regret is constant, so every checkpoint's cell is known: log10 of that constant. */
    private static RunResult flat(String f, String s, long seed, double regret, int trials, double ms) {
        double[] curve = new double[trials];
        java.util.Arrays.fill(curve, regret);
        return new RunResult(f, s, seed, curve, ms);
    }

    @Test
    void aCellIsTheMedianAndQuartilesOfLog10RegretOverSeeds() {
        // log10 regrets 0, 1, 2, 3: median 1.5, q25 = 0.75, q75 = 2.25; ms median of 1, 2, 3, 4 = 2.5.
        List<RunResult> runs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            runs.add(flat("branin", "tune-x", s, Math.pow(10, s), 10, s + 1));
        }
        TableRow row = SummaryTable.rows(runs, List.of(10)).get(0);
        assertThat(row.markdown()).isEqualTo("| branin | tune-x | 1.50 [0.75, 2.25] | 2.5 |");
        assertThat(row.medianAt(10)).hasValue(1.5);
    }

    @Test
    void aCheckpointBeyondEveryRunIsLeftEmptyAndShorterRunsAreLeftOut() {
        List<RunResult> runs = List.of(flat("hartmann3", "tune-x", 0, 1, 50, 1), flat("hartmann3", "tune-x", 1, 100, 100, 1));
        String md = SummaryTable.markdown(SummaryTable.rows(runs, SummaryTable.CHECKPOINTS), SummaryTable.CHECKPOINTS);
        assertThat(md).isEqualTo("""
                | function | sampler | @10 | @25 | @50 | @100 | ms/trial |
                |---|---|---|---|---|---|---|
                | hartmann3 | tune-x | 1.00 [0.50, 1.50] | 1.00 [0.50, 1.50] | 1.00 [0.50, 1.50] | 2.00 [2.00, 2.00] | 1.0 |""");
    }

    @Test
    void rowsFollowTheAnchorsOrderOfFunctionsThenKnownSamplersThenOthersAlphabetically() {
        List<RunResult> runs = List.of(flat("levy6", "tune-b", 0, 1, 10, 1), flat("branin", "tune-b", 0, 1, 10, 1),
                flat("branin", "tpe", 0, 1, 10, 1), flat("branin", "tune-a", 0, 1, 10, 1),
                flat("branin", "random", 0, 1, 10, 1));
        assertThat(SummaryTable.rows(runs, List.of(10))).extracting(r -> r.function() + "/" + r.sampler())
                .containsExactly("branin/random", "branin/tpe", "branin/tune-a", "branin/tune-b", "levy6/tune-b");
    }

    @Test
    void aDuplicatedSeedIsRefusedLikeSummarizeDoes() {
        List<RunResult> runs = List.of(flat("branin", "tpe", 0, 1, 10, 1), flat("branin", "tpe", 0, 1, 10, 1));
        assertThatThrownBy(() -> SummaryTable.rows(runs, List.of(10))).hasMessageContaining("duplicated seed 0");
    }

    @Test
    void interleavingPutsEachFunctionsAnchorsBeforeOurRows() {
        TableRow a1 = new TableRow("branin", "tpe", List.of("x"), "1", java.util.Map.of());
        TableRow a2 = new TableRow("levy6", "tpe", List.of("x"), "1", java.util.Map.of());
        TableRow o1 = new TableRow("branin", "tune-gp", List.of("y"), "1", java.util.Map.of());
        TableRow o2 = new TableRow("levy6", "tune-gp", List.of("y"), "1", java.util.Map.of());
        assertThat(SummaryTable.interleave(List.of(a1, a2), List.of(o1, o2))).containsExactly(a1, o1, a2, o2);
    }
}
