package dev.tuneagent.evals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.study.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalStatsTest {

    static CellResult ml(String task, String proposer, long seed, Double... curve) {
        List<Double> c = List.of(curve);
        return new CellResult(task, proposer, seed, CellResult.OK, null, c.get(c.size() - 1), c, 0, 0, 0.0, 0, 1.0,
                1.0, null, null, "accuracy", Direction.MAXIMIZE, null, null);
    }

    static CellResult syn(String task, String proposer, long seed, double minimum, Double... curve) {
        List<Double> c = List.of(curve);
        return new CellResult(task, proposer, seed, CellResult.OK, null, c.get(c.size() - 1), c, 0, 0, 0.0, 0, 1.0,
                1.0, null, null, "value", Direction.MINIMIZE, "plain", minimum);
    }

    @Test
    void theNormalizedScoreIsBayesmarksFormulaAgainstTheRandomCellsMeanAndTheBestFound() {
        // accuracy, maximized: loss = -accuracy. L* = -0.9 (best anyone reached); L_rand(2) = mean(-0.7, -0.5) = -0.6.
        List<CellResult> r = List.of(ml("t", "random", 0, 0.6, 0.7), ml("t", "random", 1, 0.5, 0.5),
                ml("t", "gp", 0, 0.6, 0.9), ml("t", "gp", 1, 0.5, 0.75));
        EvalStats s = new EvalStats(r);
        assertThat(s.score(r.get(2), 2)).isCloseTo(100.0, within(1e-9));
        assertThat(s.score(r.get(3), 2)).isCloseTo(100.0 * (-0.6 + 0.75) / (-0.6 + 0.9), within(1e-9));
        assertThat(s.score(r.get(1), 2)).isCloseTo(100.0 * (-0.6 + 0.5) / (-0.6 + 0.9), within(1e-9));
        assertThat(s.randomBaseline("t")).isTrue();
    }

    @Test
    void withoutRandomTheScoreBaselineIsTheMeanFirstTrial() {
        List<CellResult> r = List.of(ml("t", "gp", 0, 0.5, 0.9), ml("t", "sobol", 0, 0.7, 0.8));
        EvalStats s = new EvalStats(r);
        // L_rand = mean(-0.5, -0.7) = -0.6, L* = -0.9
        assertThat(s.score(r.get(1), 2)).isCloseTo(100.0 * (-0.6 + 0.8) / (-0.6 + 0.9), within(1e-9));
        assertThat(s.randomBaseline("t")).isFalse();
    }

    @Test
    void regretIsMeasuredAgainstTheKnownMinimumInLog10() {
        CellResult c = syn("f", "gp", 0, 1.0, 11.0, 1.001);
        EvalStats s = new EvalStats(List.of(c));
        assertThat(s.value(c, 1)).isCloseTo(1.0, within(1e-12));
        assertThat(s.value(c, 2)).isCloseTo(-3.0, within(1e-9));
        assertThat(s.goodness(c, 2)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void ranksUseTheMedianPerTaskShareTiesAndAverageOverTasks() {
        List<CellResult> r = List.of(syn("f", "a", 0, 0, 1.0), syn("f", "b", 0, 0, 1.0), syn("f", "c", 0, 0, 10.0),
                syn("g", "a", 0, 0, 100.0), syn("g", "b", 0, 0, 10.0), syn("g", "c", 0, 0, 1.0));
        EvalStats s = new EvalStats(r);
        assertThat(s.ranks("f", 1)).containsEntry("a", 1.5).containsEntry("b", 1.5).containsEntry("c", 3.0);
        assertThat(s.meanRank(1)).containsEntry("a", 2.25).containsEntry("b", 1.75).containsEntry("c", 2.0);
    }

    @Test
    void meanRanksLeaveOutTasksThatSomeProposerMisses() {
        // On g only a and b ran: ranking b first there would flatter it against c, which never ran on g.
        List<CellResult> r = List.of(syn("f", "a", 0, 0, 1.0), syn("f", "b", 0, 0, 10.0), syn("f", "c", 0, 0, 5.0),
                syn("g", "a", 0, 0, 100.0), syn("g", "b", 0, 0, 1.0));
        EvalStats s = new EvalStats(r);
        assertThat(s.rankedTasks()).containsExactly("f");
        assertThat(s.meanRank(1)).containsEntry("a", 1.0).containsEntry("b", 3.0).containsEntry("c", 2.0);
        assertThat(SummaryWriter.markdown(r, List.of(5))).contains("Only the tasks where every proposer has results"
                + " are ranked (f); the others (g)");
    }

    @Test
    void mlTasksAreRankedAndComparedByTheMetricEvenWhereTheScoreIsUndefined() {
        // random alone reached the best: L_rand = L*, so every score is n/a, yet gp and default still compare.
        List<CellResult> r = List.of(ml("t", "random", 0, 0.90, 0.97), ml("t", "gp", 0, 0.90, 0.95),
                ml("t", "default", 0, 0.93, 0.93));
        EvalStats s = new EvalStats(r);
        assertThat(s.score(r.get(1), 2)).isNull();
        assertThat(s.ranks("t", 2)).containsEntry("random", 1.0).containsEntry("gp", 2.0).containsEntry("default", 3.0);
        EvalStats.Pairwise p = s.pairwise("t", "gp", "default", 2);
        assertThat(p.wins()).isEqualTo(1);
        assertThat(p.losses()).isZero();
    }

    @Test
    void pooledMetricDifferencesAreDividedByEachTasksSpreadSoThatTasksWeighAlike() {
        // Task u (RMSE in the hundreds) and task v (accuracy): a wins on u by 10 of a spread of 100, loses on v by
        // 0.1 of a spread of 0.2; a single-pair Wilcoxon cannot tell, but the differences it sees are +0.1 and -0.5.
        CellResult ua = new CellResult("u", "a", 0, CellResult.OK, null, 100.0, List.of(200.0, 100.0), 0, 0, 0.0, 0,
                1, 1, null, null, "rmse", Direction.MINIMIZE, null, null);
        CellResult ub = new CellResult("u", "b", 0, CellResult.OK, null, 110.0, List.of(110.0, 110.0), 0, 0, 0.0, 0,
                1, 1, null, null, "rmse", Direction.MINIMIZE, null, null);
        List<CellResult> r = List.of(ua, ub, ml("v", "a", 0, 0.7, 0.8), ml("v", "b", 0, 0.8, 0.9));
        EvalStats s = new EvalStats(r);
        assertThat(s.spread("u")).isCloseTo(100.0, within(1e-12));
        assertThat(s.spread("v")).isCloseTo(0.2, within(1e-12));
        EvalStats.Pairwise pooled = s.pairwise(null, "a", "b", 2);
        assertThat(pooled.wins()).isEqualTo(1);
        assertThat(pooled.losses()).isEqualTo(1);
        // exact two-sided p for ranks {1 (+), 2 (-)}: W+ = 1 of 4 equally likely sign patterns -> 2 * 2/4 = 1
        assertThat(pooled.p()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void pairwiseCountsWinsTiesLossesBySeedAndTestsThemWithWilcoxon() {
        List<CellResult> r = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            r.add(syn("f", "a", seed, 0, seed == 5 ? 1.0 : 0.01));
            r.add(syn("f", "b", seed, 0, 1.0));
        }
        EvalStats.Pairwise p = new EvalStats(r).pairwise(null, "a", "b", 1);
        assertThat(p.wins()).isEqualTo(5);
        assertThat(p.ties()).isEqualTo(1);
        assertThat(p.losses()).isZero();
        // five positive differences, the tie dropped: exact two-sided p = 2 / 2^5
        assertThat(p.p()).isCloseTo(0.0625, within(1e-12));
    }

    @Test
    void aPValueNeverExceedsOne() {
        List<CellResult> r = new ArrayList<>();
        double[] a = {1, 10, 100};
        double[] b = {10, 1, 100.5};
        for (int seed = 0; seed < 3; seed++) {
            r.add(syn("f", "a", seed, 0, a[seed]));
            r.add(syn("f", "b", seed, 0, b[seed]));
        }
        assertThat(new EvalStats(r).pairwise("f", "a", "b", 1).p()).isLessThanOrEqualTo(1.0);
    }
}
