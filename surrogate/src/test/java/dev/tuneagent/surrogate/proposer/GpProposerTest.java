package dev.tuneagent.surrogate.proposer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GpProposerTest {
    private final GpProposer gp = new GpProposer();

    private static Map<String, Object> ab(double a, double b) {
        return Map.of("a", a, "b", b);
    }

    private static double bowl(Map<String, Object> p) {
        double a = (Double) p.get("a") - 0.3;
        double b = (Double) p.get("b") - 0.7;
        return a * a + b * b;
    }

    @Test
    void findsTheMinimumOfASmoothBowl() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 1);
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 20; t++) {
            Proposal p = gp.propose(h.snapshot(), 1).get(0);
            best = Math.min(best, bowl(p.params()));
            h.complete(p.params(), bowl(p.params()));
        }
        assertThat(best).isLessThan(1e-3);
    }

    @Test
    void maximizationWorksOnTheNegatedLoss() {
        Histories h = new Histories(Histories.SQUARE, Direction.MAXIMIZE, 2);
        double best = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < 20; t++) {
            Proposal p = gp.propose(h.snapshot(), 1).get(0);
            best = Math.max(best, -bowl(p.params()));
            h.complete(p.params(), -bowl(p.params()));
        }
        assertThat(best).isGreaterThan(-1e-3);
    }

    @Test
    void sameSnapshotGivesTheSameProposals() {
        Histories h = new Histories(Histories.MIXED, Direction.MINIMIZE, 5);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> p = gp.propose(h.snapshot(), 1).get(0).params();
            h.complete(p, rng.nextDouble());
        }
        StudySnapshot s = h.snapshot();
        assertThat(new GpProposer().propose(s, 3)).isEqualTo(gp.propose(s, 3));
    }

    @Test
    void mixedSpacesGetValidIntegerAndCategoricalValues() {
        Histories h = new Histories(Histories.MIXED, Direction.MINIMIZE, 9);
        for (int i = 0; i < 16; i++) {
            List<Proposal> ps = gp.propose(h.snapshot(), 2);
            for (Proposal p : ps) {
                assertThat(Histories.MIXED.coerce(p.params())).isEqualTo(p.params());
                double loss = (Long) p.params().get("layers") + ("tanh".equals(p.params().get("act")) ? 0 : 3)
                        + Math.abs((Double) p.params().get("x"));
                h.complete(p.params(), loss);
            }
        }
    }

    @Test
    void batchProposalsAreDistinctFromEachOtherAndFromPendingTrials() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 3);
        for (int i = 0; i < 8; i++) {
            Map<String, Object> p = gp.propose(h.snapshot(), 1).get(0).params();
            h.complete(p, bowl(p));
        }
        Map<String, Object> running = gp.propose(h.snapshot(), 1).get(0).params();
        h.add(running, TrialState.RUNNING);
        List<Proposal> batch = gp.propose(h.snapshot(), 4);
        assertThat(batch).hasSize(4);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(Histories.SQUARE.sameConfig(batch.get(i).params(), running)).isFalse();
            for (int j = 0; j < i; j++) {
                assertThat(Histories.SQUARE.sameConfig(batch.get(i).params(), batch.get(j).params())).isFalse();
            }
        }
    }

    @Test
    void duplicatedPointsDoNotCrashTheModel() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 4);
        for (int i = 0; i < 10; i++) {
            h.complete(ab(0.5, 0.5), 1.0 + 1e-3 * i);
        }
        h.complete(ab(0.1, 0.9), 2.0);
        assertThat(gp.propose(h.snapshot(), 3)).hasSize(3);
    }

    @Test
    void constantOutputsDoNotCrashTheModel() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 4);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 12; i++) {
            h.complete(ab(rng.nextDouble(), rng.nextDouble()), 7.0);
        }
        List<Proposal> ps = gp.propose(h.snapshot(), 2);
        assertThat(ps).hasSize(2);
        assertThat(Histories.SQUARE.sameConfig(ps.get(0).params(), ps.get(1).params())).isFalse();
    }

    @Test
    void aSingleObservationGivesValidProposals() {
        Histories h = new Histories(Histories.MIXED, Direction.MINIMIZE, 4)
                .complete(Map.of("lr", 0.01, "x", 0.0, "layers", 2L, "act", "relu"), 0.5);
        List<Proposal> ps = new GpProposer(GpProposerSettings.defaults().withInitialDesign(1)).propose(h.snapshot(), 2);
        assertThat(ps).hasSize(2);
        ps.forEach(p -> assertThat(Histories.MIXED.coerce(p.params())).isEqualTo(p.params()));
    }

    @Test
    void anAllFailedHistoryStillGetsProposals() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 4);
        for (int i = 0; i < 20; i++) {
            h.add(ab(i / 20.0, 0.5), TrialState.FAILED);
        }
        List<Proposal> ps = gp.propose(h.snapshot(), 3);
        assertThat(ps).hasSize(3);
    }

    @Test
    void anEmptyHistoryGetsTheDesignAndZeroProposalsIsEmpty() {
        StudySnapshot empty = new Histories(Histories.MIXED, Direction.MINIMIZE, 4).snapshot();
        assertThat(gp.propose(empty, 5)).hasSize(5);
        assertThat(gp.propose(empty, 0)).isEmpty();
        assertThatThrownBy(() -> gp.propose(empty, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void aSpaceWiderThanTheSobolTablesStillGetsModelProposals() {
        List<dev.tuneagent.core.space.Param> params = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            params.add(new dev.tuneagent.core.space.FloatParam("p" + i, 0, 1, false));
        }
        dev.tuneagent.core.space.SearchSpace wide = new dev.tuneagent.core.space.SearchSpace(params);
        Histories h = new Histories(wide, Direction.MINIMIZE, 8);
        SplittableRandom rng = new SplittableRandom(8);
        for (int t = 0; t < 3; t++) {
            Map<String, Object> config = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 1001; i++) {
                config.put("p" + i, rng.nextDouble());
            }
            h.complete(config, rng.nextDouble());
        }
        GpProposer small = new GpProposer(new GpProposerSettings(2, 160, dev.tuneagent.surrogate.gp.GpFitter.defaults(),
                new dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer(64, 1, 5)));
        assertThat(small.propose(h.snapshot(), 1)).hasSize(1);
    }

    @Test
    void aVeryLongHistoryIsModelledOnABoundedSubset() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 11);
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < GpProposer.MAX_MODEL_POINTS + 50; i++) {
            Map<String, Object> p = ab(rng.nextDouble(), rng.nextDouble());
            h.complete(p, bowl(p));
        }
        Proposal p = new GpProposer(new GpProposerSettings(0, 40, dev.tuneagent.surrogate.gp.GpFitter.defaults(),
                new dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer(128, 2, 10))).propose(h.snapshot(), 1).get(0);
        assertThat(bowl(p.params())).isLessThan(0.01);
    }

    @Test
    void extremeButFiniteValuesDoNotBreakTheProposer() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 12);
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < 12; i++) {
            double v = i % 3 == 0 ? 1e308 : i % 3 == 1 ? -1e308 : 1e-300;
            h.complete(ab(rng.nextDouble(), rng.nextDouble()), v);
        }
        List<Proposal> ps = gp.propose(h.snapshot(), 2);
        assertThat(ps).hasSize(2);
        ps.forEach(p -> assertThat(Histories.SQUARE.coerce(p.params())).isEqualTo(p.params()));
    }

    @Test
    void failedTrialsAreImputedNotIgnored() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 4);
        h.complete(ab(0.2, 0.2), 1.0).complete(ab(0.8, 0.8), 5.0).add(ab(0.5, 0.5), TrialState.FAILED);
        TrainingSet data = TrainingSet.from(h.snapshot(), new FeatureMap(Histories.SQUARE));
        assertThat(data.points()).hasSize(3);
        assertThat(data.targets()[2]).isEqualTo(Math.max(data.targets()[0], data.targets()[1]));
        assertThat(data.completedCount()).isEqualTo(2);
    }

    @Test
    void proposalsAvoidARegionWhereTrialsFailed() {
        // Every trial with a < 0.5 failed; the completed ones (a >= 0.5) get better towards a = 0.5.
        // Without imputation the GP extrapolates that trend into the unexplored left half and EI
        // goes there (checked by disabling the imputation); with it the left half looks bad.
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 6);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 30; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            if (a < 0.5) {
                h.add(ab(a, b), TrialState.FAILED);
            } else {
                h.complete(ab(a, b), a + 0.1 * b);
            }
        }
        List<Proposal> ps = gp.propose(h.snapshot(), 3);
        for (Proposal p : ps) {
            assertThat((Double) p.params().get("a")).isGreaterThan(0.45);
        }
    }
}
