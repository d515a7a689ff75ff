package dev.tuneagent.surrogate.proposer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the GP stops following the Sobol design (issue 7, item 4): a language model's warm start is the
 * design, as in LLAMBO, so the GP models from the next trial on; a user's enqueued configurations count
 * towards the design's size like any trial but do not replace it.
 */
class GpProposerDesignTest {
    // MIXED is 4-D: the design is max(5, 2 * 4) = 8 trials.
    private static final List<Map<String, Object>> CONFIGS = List.of(
            Map.of("lr", 0.01, "x", 0.5, "layers", 2L, "act", "relu"),
            Map.of("lr", 0.1, "x", -1.0, "layers", 4L, "act", "tanh"),
            Map.of("lr", 0.001, "x", 2.0, "layers", 1L, "act", "gelu"));
    private final GpProposer gp = new GpProposer();

    private static StudySnapshot history(String source) {
        Histories h = new Histories(Histories.MIXED, Direction.MINIMIZE, 7);
        for (int i = 0; i < CONFIGS.size(); i++) {
            h.complete(CONFIGS.get(i), 1.0 + i, source == null ? Map.of() : Map.of(TrialAttrs.SOURCE, source));
        }
        return h.snapshot();
    }

    private static boolean modelled(Proposal p) {
        return p.attrs().containsKey(TrialAttrs.ACQUISITION);
    }

    @Test
    void afterAWarmStartTheGpModelsFromTheNextTrialOn() {
        StudySnapshot warm = history(TrialAttrs.SOURCE_WARMSTART);
        assertThat(gp.inInitialDesign(warm)).isFalse();
        List<Proposal> ps = gp.propose(warm, 2);
        assertThat(ps).hasSize(2).allMatch(GpProposerDesignTest::modelled);
        assertThat(ps.get(0).params()).isNotEqualTo(new SobolProposer().propose(warm, 1).get(0).params());
    }

    @Test
    void withoutAWarmStartTheSameHistoryIsStillInTheSobolDesign() {
        StudySnapshot plain = history(null);
        assertThat(gp.inInitialDesign(plain)).isTrue();
        Proposal p = gp.propose(plain, 1).get(0);
        assertThat(modelled(p)).isFalse();
        assertThat(p.params()).isEqualTo(new SobolProposer().propose(plain, 1).get(0).params());
    }

    @Test
    void enqueuedTrialsCountTowardsTheDesignButDoNotEndIt() {
        StudySnapshot enqueued = history(TrialAttrs.SOURCE_USER);
        assertThat(gp.inInitialDesign(enqueued)).isTrue();
        assertThat(modelled(gp.propose(enqueued, 1).get(0))).isFalse();
        Histories h = new Histories(Histories.MIXED, Direction.MINIMIZE, 7);
        for (int i = 0; i < CONFIGS.size(); i++) {
            h.complete(CONFIGS.get(i), 1.0 + i, Map.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_USER));
        }
        // Five design points complete the eight: enqueued trials were part of the count.
        for (Proposal p : new SobolProposer().propose(h.snapshot(), 5)) {
            h.complete(p.params(), 3.0);
        }
        assertThat(gp.inInitialDesign(h.snapshot())).isFalse();
        assertThat(modelled(gp.propose(h.snapshot(), 1).get(0))).isTrue();
    }

    @Test
    void aWarmStartWithFewerThanTwoCompletedTrialsKeepsTheDesignUntilTheGpHasData() {
        Histories h = new Histories(Histories.MIXED, Direction.MINIMIZE, 7)
                .complete(CONFIGS.get(0), 1.0, Map.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART));
        h.add(CONFIGS.get(1), TrialState.FAILED);
        assertThat(gp.inInitialDesign(h.snapshot())).isTrue();
        assertThat(modelled(gp.propose(h.snapshot(), 1).get(0))).isFalse();
    }
}
