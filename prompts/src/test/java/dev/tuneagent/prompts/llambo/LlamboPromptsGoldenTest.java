package dev.tuneagent.prompts.llambo;

import static dev.tuneagent.prompts.Fixtures.CARD;
import static dev.tuneagent.prompts.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.prompts.Fixtures;
import dev.tuneagent.prompts.Golden;
import dev.tuneagent.prompts.card.ContextLevel;
import dev.tuneagent.prompts.history.HistoryBudget;
import dev.tuneagent.prompts.history.HistoryRow;
import dev.tuneagent.prompts.parse.ReplyFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamboPromptsGoldenTest {
    static final PromptSettings FULL_DELIMITED =
            new PromptSettings(ContextLevel.FULL, ReplyFormat.DELIMITED, HistoryBudget.unlimited());
    static final List<HistoryRow> ROWS = Fixtures.history();

    @Test
    void warmStartWithFullContextAndJsonReplies() throws Exception {
        RenderedPrompt p = LlamboPrompts.warmStart(CARD, SPACE, 5,
                new PromptSettings(ContextLevel.FULL, ReplyFormat.JSON, HistoryBudget.unlimited()));
        assertThat(p.templateId()).isEqualTo("warmstart/v1");
        Golden.assertMatches("warmstart-full-json", p.text());
    }

    @Test
    void warmStartWithoutContextHidesTheTask() throws Exception {
        RenderedPrompt p = LlamboPrompts.warmStart(CARD, SPACE, 3,
                new PromptSettings(ContextLevel.NONE, ReplyFormat.DELIMITED, HistoryBudget.unlimited()));
        assertThat(p.text()).doesNotContain("accuracy", "random forest", "iris");
        Golden.assertMatches("warmstart-none-delimited", p.text());
    }

    @Test
    void samplerListsHistoryFromWorstToBestWithoutShuffleSeed() throws Exception {
        RenderedPrompt p = LlamboPrompts.sampler(CARD, SPACE, ROWS, 0.934, 4, null, FULL_DELIMITED);
        assertThat(p.templateId()).isEqualTo("sampler/v1");
        assertThat(p.droppedTrials()).isEmpty();
        Golden.assertMatches("sampler-full-sorted", p.text());
    }

    @Test
    void samplerShufflesHistoryRowsReproduciblyPerTemplateSeed() throws Exception {
        RenderedPrompt a = LlamboPrompts.sampler(CARD, SPACE, ROWS, 0.934, 4, 1L, FULL_DELIMITED);
        RenderedPrompt b = LlamboPrompts.sampler(CARD, SPACE, ROWS, 0.934, 4, 2L, FULL_DELIMITED);
        assertThat(a.text()).isNotEqualTo(b.text());
        assertThat(LlamboPrompts.sampler(CARD, SPACE, ROWS, 0.934, 4, 1L, FULL_DELIMITED).text()).isEqualTo(a.text());
        Golden.assertMatches("sampler-full-shuffled-seed1", a.text());
    }

    @Test
    void samplerWithPartialContextAndATightBudgetSaysWhichTrialsItDropped() throws Exception {
        RenderedPrompt p = LlamboPrompts.sampler(CARD, SPACE, ROWS, 0.934, 2, null,
                new PromptSettings(ContextLevel.PARTIAL, ReplyFormat.JSON, new HistoryBudget(450)));
        assertThat(p.droppedTrials()).isNotEmpty();
        assertThat(p.text()).contains("not shown: trials");
        Golden.assertMatches("sampler-partial-json-budget", p.text());
    }

    @Test
    void surrogateAsksForOnePredictionPerCandidate() throws Exception {
        RenderedPrompt p = LlamboPrompts.surrogate(CARD, SPACE, ROWS,
                List.of(Fixtures.config(0.01, 0.1, 7, "gini", 32), Fixtures.config(0.2, 0.45, 19, "entropy", 64)),
                3L, FULL_DELIMITED);
        assertThat(p.templateId()).isEqualTo("surrogate/v1");
        Golden.assertMatches("surrogate-full-delimited", p.text());
    }

    @Test
    void surrogateWithJsonRepliesAndNoContext() throws Exception {
        RenderedPrompt p = LlamboPrompts.surrogate(CARD, SPACE, ROWS.subList(0, 3),
                List.of(Fixtures.config(0.01, 0.1, 7, "gini", 32)), null,
                new PromptSettings(ContextLevel.NONE, ReplyFormat.JSON, HistoryBudget.unlimited()));
        Golden.assertMatches("surrogate-none-json", p.text());
    }

    @Test
    void systemMessageIsLlambosWithASentenceAboutQuotedData() throws Exception {
        Golden.assertMatches("system", LlamboPrompts.system());
    }

    @Test
    void retryTellsTheModelWhatWasWrong() throws Exception {
        String text = LlamboPrompts.retry("configuration 1: lr: 5.0 is outside [1.0E-4, 1.0]",
                LlamboPrompts.configsFormat(SPACE, 1, ReplyFormat.DELIMITED));
        Golden.assertMatches("retry-delimited", text);
    }
}
