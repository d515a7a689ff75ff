package dev.tuneagent.prompts.llambo;

import static dev.tuneagent.prompts.Fixtures.CARD;
import static dev.tuneagent.prompts.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.prompts.Fixtures;
import dev.tuneagent.prompts.Golden;
import dev.tuneagent.prompts.card.ContextLevel;
import dev.tuneagent.prompts.history.HistoryBudget;
import dev.tuneagent.prompts.history.HistoryRow;
import dev.tuneagent.prompts.history.HistorySerializer;
import dev.tuneagent.prompts.history.RowStyle;
import dev.tuneagent.prompts.history.RunningRow;
import dev.tuneagent.prompts.parse.ReplyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trials being evaluated while a proposal is asked for (parallel trials) appear in the prompts without a score. */
class RunningRowsPromptTest {
    static final PromptSettings FULL_DELIMITED = LlamboPromptsGoldenTest.FULL_DELIMITED;
    static final List<HistoryRow> ROWS = Fixtures.history();
    static final List<RunningRow> RUNNING = List.of(
            new RunningRow(9, Fixtures.config(0.0123, 0.25, 8, "entropy", 32)),
            new RunningRow(8, Fixtures.config(0.5, 0.1, 3, "gini", 64)));

    static Trial trial(int n, TrialState state, Double value, Map<String, Object> params) {
        return new Trial(n, params, state, value, Map.of(), Provenance.of("llambo", n), Instant.EPOCH,
                state == TrialState.RUNNING ? null : Instant.EPOCH, null, Map.of());
    }

    @Test
    void theSamplerShowsRunningTrialsFirstAsBeingEvaluatedAndSaysWhatThatMeans() throws Exception {
        RenderedPrompt p = LlamboPrompts.sampler(CARD, SPACE, ROWS, RUNNING, 0.934, 4, null, FULL_DELIMITED);
        assertThat(p.templateId()).isEqualTo("sampler/v1");
        assertThat(p.text()).contains("\nPerformance: being evaluated (no result yet)\nHyperparameter configuration: ## "
                + HistorySerializer.config(RUNNING.get(1).params(), SPACE, ": ") + " ##");
        Golden.assertMatches("sampler-running-sorted", p.text());
    }

    @Test
    void theSurrogateShowsRunningTrialsAsBeingEvaluatedToo() throws Exception {
        RenderedPrompt p = LlamboPrompts.surrogate(CARD, SPACE, ROWS.subList(0, 3), RUNNING.subList(0, 1),
                List.of(Fixtures.config(0.01, 0.1, 7, "gini", 32)), null,
                new PromptSettings(ContextLevel.NONE, ReplyFormat.JSON, HistoryBudget.unlimited()));
        assertThat(p.templateId()).isEqualTo("surrogate/v1");
        assertThat(p.text()).contains(RunningRow.NOTE).doesNotContain(RunningRow.DO_NOT_REPEAT);
        assertThat(p.text()).contains("\nHyperparameter configuration: "
                + HistorySerializer.config(RUNNING.get(0).params(), SPACE, " is ")
                + "\nPerformance: being evaluated (no result yet)");
        Golden.assertMatches("surrogate-running-json", p.text());
    }

    @Test
    void withoutRunningTrialsThePromptsAreByteForByteTheGoldenOnesOfV1() throws Exception {
        StudySnapshot finished = new StudySnapshot(new StudyDefinition("s", SPACE, CARD.direction(), "accuracy", 0, 20,
                "{}", Instant.EPOCH), List.of(trial(0, TrialState.COMPLETE, 0.9, ROWS.get(0).params()),
                trial(1, TrialState.FAILED, null, ROWS.get(1).params()),
                trial(2, TrialState.WAITING, null, ROWS.get(2).params())));
        List<RunningRow> none = RunningRow.of(finished);
        assertThat(none).isEmpty();

        assertThat(LlamboPrompts.sampler(CARD, SPACE, ROWS, none, 0.934, 4, null, FULL_DELIMITED).text())
                .isEqualTo(golden("sampler-full-sorted"));
        assertThat(LlamboPrompts.sampler(CARD, SPACE, ROWS, none, 0.934, 4, 1L, FULL_DELIMITED).text())
                .isEqualTo(golden("sampler-full-shuffled-seed1"));
        assertThat(LlamboPrompts.sampler(CARD, SPACE, ROWS, none, 0.934, 2, null,
                new PromptSettings(ContextLevel.PARTIAL, ReplyFormat.JSON, new HistoryBudget(450))).text())
                .isEqualTo(golden("sampler-partial-json-budget"));
        assertThat(LlamboPrompts.surrogate(CARD, SPACE, ROWS, none,
                List.of(Fixtures.config(0.01, 0.1, 7, "gini", 32), Fixtures.config(0.2, 0.45, 19, "entropy", 64)),
                3L, FULL_DELIMITED).text()).isEqualTo(golden("surrogate-full-delimited"));
    }

    @Test
    void runningTrialsOfASnapshotAreItsRunningOnesInTrialOrder() {
        StudySnapshot s = new StudySnapshot(new StudyDefinition("s", SPACE, CARD.direction(), "accuracy", 0, 20, "{}",
                Instant.EPOCH), List.of(trial(0, TrialState.COMPLETE, 0.9, ROWS.get(0).params()),
                trial(1, TrialState.RUNNING, null, ROWS.get(1).params()),
                trial(2, TrialState.PRUNED, 0.5, ROWS.get(2).params()),
                trial(3, TrialState.RUNNING, null, ROWS.get(3).params())));
        assertThat(RunningRow.of(s)).extracting(RunningRow::trial).containsExactly(1, 3);
        assertThat(RunningRow.of(s).get(0).params()).isEqualTo(ROWS.get(1).params());
    }

    @Test
    void scoredRowsKeepTheirShuffledOrderAndTheRunningRowsCountAgainstTheBudget() {
        String without = LlamboPrompts.sampler(CARD, SPACE, ROWS, 0.934, 4, 5L, FULL_DELIMITED).text();
        String with = LlamboPrompts.sampler(CARD, SPACE, ROWS, RUNNING, 0.934, 4, 5L, FULL_DELIMITED).text();
        String runningText = RunningRow.render(RUNNING, SPACE, RowStyle.SAMPLER);
        assertThat(with.replace(RunningRow.NOTE + RunningRow.DO_NOT_REPEAT + "\n", "").replace(runningText, "")).isEqualTo(without);

        int budget = 600;
        RenderedPrompt tight = LlamboPrompts.sampler(CARD, SPACE, ROWS, RUNNING, 0.934, 4, null,
                new PromptSettings(ContextLevel.FULL, ReplyFormat.DELIMITED, new HistoryBudget(budget)));
        assertThat(tight.droppedTrials()).isNotEmpty();
        String history = tight.text().substring(tight.text().indexOf(runningText),
                tight.text().lastIndexOf("\nPerformance: 0.934000"));
        assertThat(history.length()).isLessThanOrEqualTo(budget);
        assertThat(tight.text()).contains("not shown: trials", RunningRow.NOTE);
        List<Integer> kept = new ArrayList<>();
        ROWS.forEach(r -> kept.add(r.trial()));
        kept.removeAll(tight.droppedTrials());
        assertThat(kept).isNotEmpty();
    }

    private static String golden(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/golden", name + ".txt"));
    }
}
