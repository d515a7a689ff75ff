package dev.tuneagent.shell.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.analysis.TrialExplanation;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.StudyFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainTextTest {
    private static String explain(Provenance p, Map<String, Object> attrs, TrialState state) {
        Trial t = new Trial(0, StudyFixtures.params(0), state, state == TrialState.COMPLETE ? 0.5 : null, Map.of(), p,
                null, null, null, attrs);
        StudySnapshot s = new StudySnapshot(StudyFixtures.definition("s", 3), List.of(t));
        return ExplainText.render(TrialExplanation.of(s, 0).orElseThrow());
    }

    @Test
    void queuedTrialsSayWhoQueuedThem() {
        Provenance p = new Provenance("llm-warmstart", "v1", "anthropic:claude", 5, null, 900, 300, 0.01);
        assertThat(explain(p, TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART), TrialState.COMPLETE))
                .contains("Origin:      the LLM's warm-start design", "model anthropic:claude, prompt v1, seed 5",
                        "LLM usage:   900 input + 300 output tokens, $0.0100");
        assertThat(explain(Provenance.of("enqueue", 1), TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_USER),
                TrialState.RUNNING)).contains("Origin:      queued by the user", "Outcome:     RUNNING (not finished)")
                .doesNotContain("LLM usage");
        assertThat(explain(null, Map.of(), TrialState.COMPLETE)).contains("Proposer:    - (no provenance stored)")
                .doesNotContain("Origin", "Fallback");
    }

    @Test
    void longCandidateListsAreCutWithAPointerToJson() {
        List<Object> candidates = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            candidates.add(Map.of("params", Map.of("lr", 0.1 * i), "score", 1.0 / (i + 1), "scorer", "llm-ei"));
        }
        String text = explain(Provenance.of("llambo", 2), TrialAttrs.of(TrialAttrs.CANDIDATES, candidates), TrialState.COMPLETE);
        assertThat(text).contains("Candidates:  14 ranked by llm-ei; the first was chosen (score: expected improvement",
                "(4 more: --json lists them all)").containsPattern("10\\s+0.1\\s+lr=0.9");
        assertThat(text).doesNotContainPattern("11\\s+0.0909");
    }
}
