package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.proposers.fakes.Deps;
import dev.tuneagent.agent.proposers.fakes.FakeChatModel;
import dev.tuneagent.agent.proposers.fakes.MiniLoop;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LlmProposersEndToEndTest {
    static final StudyDefinition STUDY = MiniLoop.study("e2e", 7, 10);

    static Proposer create(String name, FakeChatModel model) {
        return LlmProposers.create(name, Deps.of(model)).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llambo", "llm-sampler", "hybrid", "llm-warmstart", "hybrid-warmstart"})
    void everyLlmProposerRunsATenTrialStudyInsideTheSpaceWithoutRepeats(String name) {
        FakeChatModel model = FakeChatModel.llambo();
        List<Trial> trials = MiniLoop.run(create(name, model), STUDY, 10, MiniLoop::accuracy);
        for (Trial t : trials) {
            assertThat(MiniLoop.SPACE.coerce(t.params())).isEqualTo(t.params());
        }
        assertThat(new HashSet<>(trials.stream().map(t -> Arrays.toString(MiniLoop.SPACE.encode(t.params()))).toList()))
                .hasSize(10);
        assertThat(trials).allSatisfy(t -> assertThat(t.provenance().fallback()).isNull());
        assertThat(model.requests).isNotEmpty();
    }

    @Test
    void llamboWarmStartsInOneCallThenSamplesScoresAndSelects() {
        FakeChatModel model = FakeChatModel.llambo();
        List<Trial> trials = MiniLoop.run(create("llambo", model), STUDY, 8, MiniLoop::accuracy);
        Trial first = trials.get(0);
        assertThat(first.provenance().proposer()).isEqualTo("llambo");
        assertThat(first.provenance().promptVersion()).isEqualTo("warmstart/v1");
        assertThat(first.provenance().model()).isEqualTo(Deps.MODEL);
        assertThat(first.provenance().inputTokens()).isPositive();
        assertThat(trials.subList(1, 5)).allSatisfy(t -> assertThat(t.provenance().inputTokens()).isZero());
        Trial later = trials.get(6);
        assertThat(later.provenance().promptVersion()).isEqualTo("sampler/v1+surrogate/v1");
        assertThat(later.provenance().outputTokens()).isPositive();
        // 1 warm-start call, then 2 sampler + 2 surrogate calls for each of trials 5, 6 and 7.
        assertThat(model.requests).hasSize(1 + 3 * 4);
    }

    @Test
    void theCheapProposersMakeFewerCalls() {
        FakeChatModel hybrid = FakeChatModel.llambo();
        MiniLoop.run(create("hybrid", hybrid), STUDY, 8, MiniLoop::accuracy);
        assertThat(hybrid.requests).hasSize(3);
        FakeChatModel warm = FakeChatModel.llambo();
        List<Trial> trials = MiniLoop.run(create("llm-warmstart", warm), STUDY, 8, MiniLoop::accuracy);
        assertThat(warm.requests).hasSize(1);
        // The GP phase is part of llm-warmstart's method: its trials carry that name and no prompt.
        assertThat(trials.get(7).provenance().proposer()).isEqualTo("llm-warmstart");
        assertThat(trials.get(7).provenance().promptVersion()).isNull();
        assertThat(trials.get(7).provenance().fallback()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llambo", "llm-sampler", "hybrid", "llm-warmstart", "hybrid-warmstart"})
    void theSameSnapshotGivesTheSameProposalsFromAFreshInstance(String name) {
        List<Trial> history = MiniLoop.run(create(name, FakeChatModel.llambo()), STUDY, 7, MiniLoop::accuracy);
        StudySnapshot snapshot = new StudySnapshot(STUDY, history);
        List<Proposal> a = create(name, FakeChatModel.llambo()).propose(snapshot, 2);
        List<Proposal> b = create(name, FakeChatModel.llambo()).propose(snapshot, 2);
        assertThat(a).isEqualTo(b).hasSize(2);
        assertThat(a.get(0).params()).isNotEqualTo(a.get(1).params());
    }
}
