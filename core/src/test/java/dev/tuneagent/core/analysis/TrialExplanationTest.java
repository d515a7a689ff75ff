package dev.tuneagent.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialExplanationTest {
    private static final StudyDefinition DEF = new StudyDefinition("s", SearchSpace.of(new FloatParam("x", 0, 1, false)),
            Direction.MAXIMIZE, "accuracy", 7, 10, "{}", Instant.EPOCH);

    private static Trial trial(int n, TrialState state, Double value, Provenance p, Map<String, Object> attrs) {
        return new Trial(n, Map.of("x", 0.1 * n), state, value, Map.of(), p, Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
                state == TrialState.FAILED ? "exit code 1" : null, attrs);
    }

    @Test
    void anLlmProposalIsExplainedByItsRankedCandidatesModelAndUsage() {
        Provenance p = new Provenance("hybrid", "v1", "openai:gpt-4o-mini", 42, null, 1200, 80, 0.0012);
        var attrs = TrialAttrs.of(TrialAttrs.CANDIDATES, List.of(
                Map.of("params", Map.of("x", 0.3), "score", -1.5, "scorer", "gp-logei"),
                Map.of("params", Map.of("x", 0.9), "score", -2.5, "scorer", "gp-logei"),
                "not a candidate", Map.of("score", 1)));
        var s = new StudySnapshot(DEF, List.of(trial(0, TrialState.COMPLETE, 0.5, null, null),
                trial(1, TrialState.COMPLETE, 0.7, p, attrs)));
        TrialExplanation e = TrialExplanation.of(s, 1).orElseThrow();
        assertThat(e.origin()).as("asked of the proposer: no source").isNull();
        assertThat(e.newBest()).isTrue();
        assertThat(e.candidates()).as("malformed entries are left out").hasSize(2);
        assertThat(e.candidates().get(0)).isEqualTo(new TrialExplanation.Candidate(Map.of("x", 0.3), -1.5, "gp-logei"));
        assertThat(e.acquisition()).isNull();

        JsonNode j = e.toJson();
        assertThat(j.get("proposer").asText()).isEqualTo("hybrid");
        assertThat(j.get("model").asText()).isEqualTo("openai:gpt-4o-mini");
        assertThat(j.get("prompt_version").asText()).isEqualTo("v1");
        assertThat(j.get("seed").asLong()).isEqualTo(42);
        assertThat(j.get("usage").get("input_tokens").asLong()).isEqualTo(1200);
        assertThat(j.get("candidates").get(1).get("score").asDouble()).isEqualTo(-2.5);
        assertThat(j.get("fallback").isNull()).isTrue();
        assertThat(j.get("new_best").asBoolean()).isTrue();
    }

    @Test
    void aGpProposalShowsItsAcquisitionAndAReRunItsOrigin() {
        Provenance gp = Provenance.of("gp", 3);
        var s = new StudySnapshot(DEF, List.of(
                trial(0, TrialState.COMPLETE, 0.9, gp, TrialAttrs.of(TrialAttrs.ACQUISITION, Map.of("name", "logei", "value", -0.25))),
                trial(1, TrialState.FAILED, null, gp.withFallback("re-run of interrupted trial 0"),
                        TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_RERUN, TrialAttrs.RERUN_OF, 0)),
                trial(2, TrialState.COMPLETE, 0.8, gp, TrialAttrs.of(TrialAttrs.ACQUISITION, Map.of("name", "logei")))));
        assertThat(TrialExplanation.of(s, 0).orElseThrow().acquisition())
                .isEqualTo(new TrialExplanation.Acquisition("logei", -0.25));
        TrialExplanation rerun = TrialExplanation.of(s, 1).orElseThrow();
        assertThat(rerun.origin()).isEqualTo("rerun");
        assertThat(rerun.rerunOf()).isZero();
        assertThat(rerun.newBest()).isFalse();
        assertThat(rerun.toJson().get("message").asText()).isEqualTo("exit code 1");
        TrialExplanation worse = TrialExplanation.of(s, 2).orElseThrow();
        assertThat(worse.acquisition()).as("no value: not the documented shape").isNull();
        assertThat(worse.newBest()).isFalse();
        assertThat(TrialExplanation.of(s, 3)).isEmpty();
    }

    @Test
    void aPrunedTrialSaysWhichRuleStoppedItAndShowsItsReports() {
        var attrs = TrialAttrs.of("intermediate", List.of(List.of(1, 0.8), List.of(3, 0.7)),
                "pruned", Map.of("rule", "asha", "rung", 1, "step", 3, "value", 0.7, "threshold", 0.75,
                        "reason", "asha rung 1 (step 3): value 0.7 is not in the top 1/3"));
        var s = new StudySnapshot(DEF, List.of(trial(0, TrialState.PRUNED, 0.7, Provenance.of("gp", 1), attrs)));
        TrialExplanation e = TrialExplanation.of(s, 0).orElseThrow();
        assertThat(e.reports()).extracting(dev.tuneagent.core.prune.Report::step).containsExactly(1, 3);
        assertThat(e.pruned()).containsEntry("rule", "asha").containsEntry("rung", 1).containsEntry("threshold", 0.75);
        JsonNode j = e.toJson();
        assertThat(j.get("pruned").get("reason").asText()).contains("top 1/3");
        assertThat(j.get("intermediate").get(1).get(1).asDouble()).isEqualTo(0.7);
        var plain = TrialExplanation.of(new StudySnapshot(DEF, List.of(trial(0, TrialState.COMPLETE, 0.5, null, null))), 0)
                .orElseThrow().toJson();
        assertThat(plain.get("pruned").isNull()).isTrue();
        assertThat(plain.get("intermediate")).isEmpty();
    }
}
