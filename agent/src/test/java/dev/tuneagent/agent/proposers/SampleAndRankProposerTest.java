package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.agent.llm.error.ProviderUnavailable;
import dev.tuneagent.agent.proposers.fakes.Deps;
import dev.tuneagent.agent.proposers.fakes.FakeChatModel;
import dev.tuneagent.agent.proposers.fakes.MiniLoop;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The presets of the one sample-and-rank LLM proposer: how they start, where candidates come from, who ranks. */
class SampleAndRankProposerTest {
    static final StudyDefinition STUDY = MiniLoop.study("presets", 21, 20);

    static Proposer withRealGp(String name, FakeChatModel model) {
        return LlmProposers.create(name, new LlmDeps(model, LlmSettings.defaults(Deps.MODEL), StudyBudget.unlimited(),
                Deps.CARD, new GpProposer(), new SobolProposer(), new GpEiScorer())).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> candidates(Trial t) {
        return (List<Map<String, Object>>) t.attrs().get(TrialAttrs.CANDIDATES);
    }

    @Test
    void hybridWarmstartStartsWithTheModelsDesignAndRanksWithTheGpFromTheNextTrialOn() {
        FakeChatModel model = FakeChatModel.llambo();
        List<Trial> trials = MiniLoop.run(withRealGp("hybrid-warmstart", model), STUDY, 7, MiniLoop::accuracy);

        assertThat(trials.subList(0, 5)).allSatisfy(t -> {
            assertThat(t.provenance().promptVersion()).isEqualTo("warmstart/v1");
            assertThat(TrialAttrs.is(t, TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART)).isTrue();
        });
        // Trial 5 already comes from the sampler ranked by the GP's log EI: no Sobol design after a warm start.
        assertThat(trials.subList(5, 7)).allSatisfy(t -> {
            assertThat(t.provenance().proposer()).isEqualTo("hybrid-warmstart");
            assertThat(t.provenance().promptVersion()).isEqualTo("sampler/v1");
            assertThat(t.provenance().fallback()).isNull();
            assertThat(candidates(t)).isNotEmpty().allSatisfy(c -> assertThat(c).containsEntry("scorer", "gp-logei"));
        });
        assertThat(model.requests).hasSize(1 + 2); // one warm start, then one sampler call per trial
    }

    @Test
    void theChosenCandidateAndEveryOtherWithItsScoreAreRecordedForExplain() {
        List<Trial> trials = MiniLoop.run(withRealGp("llambo", FakeChatModel.llambo()), STUDY, 6, MiniLoop::accuracy);
        Trial t = trials.get(5);
        List<Map<String, Object>> c = candidates(t);

        assertThat(c).hasSizeGreaterThan(1);
        assertThat(c.get(0).get("params")).isEqualTo(t.params());
        assertThat(c).allSatisfy(x -> assertThat(x).containsEntry("scorer", "llm-ei").containsKey("score"));
        List<Double> scores = c.stream().map(x -> (Double) x.get("score")).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a)); // chosen first, then by rank

        Trial sampled = MiniLoop.run(withRealGp("llm-sampler", FakeChatModel.llambo()), STUDY, 6, MiniLoop::accuracy)
                .get(5);
        assertThat(candidates(sampled)).allSatisfy(x -> assertThat(x).containsEntry("scorer", "identity"));
        assertThat(candidates(sampled).get(0).get("params")).isEqualTo(sampled.params());
    }

    @Test
    void theWarmStartIsOneCallForTheWholeDesignAndProposeNeverAsksItAgain() {
        FakeChatModel model = FakeChatModel.llambo();
        Proposer llambo = withRealGp("llm-warmstart", model);
        List<Proposal> design = llambo.initialDesign(new StudySnapshot(STUDY, List.of()));

        assertThat(design).hasSize(5);
        assertThat(model.requests).hasSize(1);
        assertThat(design.get(0).provenance().inputTokens()).isPositive();
        assertThat(design.subList(1, 5)).allSatisfy(p -> assertThat(p.provenance().inputTokens()).isZero());
        // A study resumed after three design points (the rest queued by the loop) only asks the GP.
        List<Trial> three = List.of(MiniLoop.complete(0, design.get(0), 0.5), MiniLoop.complete(1, design.get(1), 0.6),
                MiniLoop.complete(2, design.get(2), 0.7));
        llambo.propose(new StudySnapshot(STUDY, three), 1);
        assertThat(model.requests).hasSize(1);
    }

    @Test
    void aFailedWarmStartBecomesTheFallbacksDesignOnceSayingWhyWithTheTokensSpent() {
        FakeChatModel down = new FakeChatModel(r -> {
            throw new ProviderUnavailable("openai:stand-in: 503 after 3 attempts", false, null);
        });
        List<Proposal> design = withRealGp("llambo", down).initialDesign(new StudySnapshot(STUDY, List.of()));

        assertThat(design).hasSize(5).allSatisfy(p -> {
            assertThat(p.provenance().proposer()).isEqualTo("gp");
            assertThat(p.provenance().fallback()).isEqualTo("warm start failed: model error: openai:stand-in: 503 after 3"
                    + " attempts");
            assertThat(p.attrs()).containsEntry(TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART);
        });
        assertThat(design.stream().map(Proposal::params).distinct()).hasSize(5);
    }

    @Test
    void presetsWithoutAWarmStartHaveNoInitialDesign() {
        for (String name : List.of("hybrid", "llm-sampler")) {
            FakeChatModel model = FakeChatModel.llambo();
            assertThat(withRealGp(name, model).initialDesign(new StudySnapshot(STUDY, List.of()))).isEmpty();
            assertThat(model.requests).isEmpty();
        }
    }
}
