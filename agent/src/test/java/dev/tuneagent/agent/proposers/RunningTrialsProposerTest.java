package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.proposers.fakes.Deps;
import dev.tuneagent.agent.proposers.fakes.FakeChatModel;
import dev.tuneagent.agent.proposers.fakes.MiniLoop;
import dev.tuneagent.agent.proposers.fakes.ScriptedLlambo;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.prompts.history.HistorySerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In a parallel study the snapshot holds trials that are still running: the sampler and the surrogate prompts show
 * them as "being evaluated", and a candidate that repeats one of them is dropped however the model insists.
 */
class RunningTrialsProposerTest {
    static final StudyDefinition STUDY = MiniLoop.study("parallel", 5, 20);

    static Map<String, Object> config(double lr, double dropout, long depth, String criterion) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("dropout", dropout);
        m.put("depth", depth);
        m.put("criterion", criterion);
        return m;
    }

    @Test
    void runningTrialsAreShownAsBeingEvaluatedAndACandidateRepeatingOneIsDropped() {
        List<Trial> trials = new ArrayList<>(MiniLoop.run(LlmProposers.create("llm-sampler",
                Deps.of(FakeChatModel.llambo())).orElseThrow(), STUDY, 6, MiniLoop::accuracy));
        Map<String, Object> running = config(0.0123, 0.25, 8L, "entropy");
        Map<String, Object> fresh = config(0.0456, 0.125, 9L, "gini");
        trials.add(new Trial(6, running, TrialState.RUNNING, null, Map.of(), Provenance.of("llambo", 6), Instant.EPOCH,
                null, null, Map.of()));
        String runningBlock = "## " + HistorySerializer.config(running, MiniLoop.SPACE, ": ") + " ##";
        // The sampler replies with the running configuration first, then a new one; the surrogate as usual.
        FakeChatModel model = new FakeChatModel(r -> {
            String prompt = FakeChatModel.firstUser(r);
            return prompt.contains("Recommend") ? runningBlock + "\n## "
                    + HistorySerializer.config(fresh, MiniLoop.SPACE, ": ") + " ##"
                    : ScriptedLlambo.answer(prompt, FakeChatModel.lastUser(r));
        });
        Proposer llambo = LlmProposers.create("llambo", Deps.of(model)).orElseThrow();

        List<Proposal> proposals = llambo.propose(new StudySnapshot(STUDY, trials), 1);

        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.params()).isEqualTo(fresh);
            assertThat(p.provenance().fallback()).isNull();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> candidates = (List<Map<String, Object>>) p.attrs().get(TrialAttrs.CANDIDATES);
            assertThat(candidates).extracting(c -> c.get("params")).containsOnly(fresh);
        });
        List<String> prompts = model.requests.stream().map(FakeChatModel::firstUser).toList();
        List<String> samplers = prompts.stream().filter(p -> p.contains("Recommend")).toList();
        List<String> surrogates = prompts.stream().filter(p -> p.contains("Predict the performance")).toList();
        assertThat(samplers).isNotEmpty().allSatisfy(p -> assertThat(p)
                .contains("\nPerformance: being evaluated (no result yet)\nHyperparameter configuration: " + runningBlock));
        assertThat(surrogates).isNotEmpty().allSatisfy(p -> assertThat(p).contains("\nHyperparameter configuration: "
                + HistorySerializer.config(running, MiniLoop.SPACE, " is ") + "\nPerformance: being evaluated (no result yet)"));
    }
}
