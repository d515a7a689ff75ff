package dev.tuneagent.prompts.llambo;

import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.prompts.card.ContextLevel;
import dev.tuneagent.prompts.card.DataCard;
import dev.tuneagent.prompts.history.HistoryBudget;
import dev.tuneagent.prompts.history.HistoryRow;
import dev.tuneagent.prompts.history.HistorySelection;
import dev.tuneagent.prompts.history.HistorySerializer;
import dev.tuneagent.prompts.history.RowStyle;
import dev.tuneagent.prompts.history.RunningRow;
import dev.tuneagent.prompts.history.ValueFormat;
import dev.tuneagent.prompts.parse.ReplyFormat;
import dev.tuneagent.prompts.template.PromptTemplate;
import java.util.List;
import java.util.Map;

/**
 * Builds LLAMBO's prompts (zero-shot warm start, candidate sampler, discriminative surrogate) and
 * the retry message from the versioned templates. Pure functions of their inputs, so a prompt is
 * reproducible and golden-testable.
 */
public final class LlamboPrompts {
    public static final String VERSION = "v1";
    private static final PromptTemplate WARMSTART = PromptTemplate.load("warmstart", VERSION);
    private static final PromptTemplate SAMPLER = PromptTemplate.load("sampler", VERSION);
    private static final PromptTemplate SURROGATE = PromptTemplate.load("surrogate", VERSION);
    private static final PromptTemplate RETRY = PromptTemplate.load("retry", VERSION);
    private static final PromptTemplate SYSTEM = PromptTemplate.load("system", VERSION);

    private LlamboPrompts() {
    }

    public static RenderedPrompt warmStart(DataCard card, SearchSpace space, int n, PromptSettings s) {
        String text = WARMSTART.render(Map.of(
                "model", card.modelPhrase(s.context()),
                "metric", card.metricPhrase(s.context()),
                "context", card.context(s.context()),
                "space", space(space),
                "n", Integer.toString(n),
                "tailor", s.context() == ContextLevel.FULL
                        ? " These configurations should be carefully customized to suit the characteristics of the dataset at hand."
                        : "",
                "format", configsFormat(space, n, s.format())));
        return new RenderedPrompt(WARMSTART.id(), text, List.of());
    }

    /** LLAMBO's candidate sampler; {@code shuffleSeed} null keeps rows worst-to-best. */
    public static RenderedPrompt sampler(DataCard card, SearchSpace space, List<HistoryRow> rows, double target, int n,
                                         Long shuffleSeed, PromptSettings s) {
        return sampler(card, space, rows, List.of(), target, n, shuffleSeed, s);
    }

    /**
     * The sampler with the trials being evaluated meanwhile shown as {@link RunningRow}s (first, without a score, and
     * one sentence saying so); without them the prompt is exactly the one above.
     */
    public static RenderedPrompt sampler(DataCard card, SearchSpace space, List<HistoryRow> rows,
                                         List<RunningRow> running, double target, int n, Long shuffleSeed,
                                         PromptSettings s) {
        Direction d = card.direction();
        String runningText = RunningRow.render(running, space, RowStyle.SAMPLER);
        HistorySelection sel = HistorySelection.select(rows, space, d, RowStyle.SAMPLER, rest(s.budget(), runningText));
        String notes = notes(sel, running.isEmpty() ? "" : RunningRow.NOTE + RunningRow.DO_NOT_REPEAT);
        String text = SAMPLER.render(Map.of(
                "model", card.modelPhrase(s.context()),
                "metric", card.metricPhrase(s.context()),
                "context", card.context(s.context()),
                "space", space(space),
                "dropped", notes.isEmpty() ? "" : notes + "\n",
                "n", Integer.toString(n),
                "target", ValueFormat.score(target),
                "advice", s.context() == ContextLevel.NONE ? ""
                        : "Do not recommend values at the minimum or maximum of allowable range, do not recommend "
                        + "rounded values. Recommend values with highest possible precision, as requested by the "
                        + "allowed ranges. ",
                "format", configsFormat(space, n, s.format()),
                "history", runningText + HistorySerializer.render(sel.kept(), space, d, RowStyle.SAMPLER, shuffleSeed)));
        return new RenderedPrompt(SAMPLER.id(), text, sel.dropped());
    }

    /** LLAMBO's discriminative surrogate, batched: one call predicts every candidate {@code C1..Ck}. */
    public static RenderedPrompt surrogate(DataCard card, SearchSpace space, List<HistoryRow> rows,
                                           List<Map<String, Object>> candidates, Long shuffleSeed, PromptSettings s) {
        return surrogate(card, space, rows, List.of(), candidates, shuffleSeed, s);
    }

    /** The surrogate with the trials being evaluated shown as {@link RunningRow}s, as in {@link #sampler}. */
    public static RenderedPrompt surrogate(DataCard card, SearchSpace space, List<HistoryRow> rows,
                                           List<RunningRow> running, List<Map<String, Object>> candidates,
                                           Long shuffleSeed, PromptSettings s) {
        Direction d = card.direction();
        String runningText = RunningRow.render(running, space, RowStyle.SURROGATE);
        HistorySelection sel = HistorySelection.select(rows, space, d, RowStyle.SURROGATE,
                rest(s.budget(), runningText));
        StringBuilder cands = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            cands.append(i == 0 ? "" : "\n").append("C").append(i + 1).append(": Hyperparameter configuration: ")
                    .append(HistorySerializer.config(candidates.get(i), space, " is "));
        }
        String text = SURROGATE.render(Map.of(
                "model", card.modelPhrase(s.context()),
                "metric", card.metricPhrase(s.context()),
                "context", card.context(s.context()),
                "dropped", notes(sel, running.isEmpty() ? "" : RunningRow.NOTE),
                "history", runningText + HistorySerializer.render(sel.kept(), space, d, RowStyle.SURROGATE, shuffleSeed),
                "format", PromptTemplate.load(s.format().scoresTemplate(), VERSION)
                        .render(Map.of("metric", card.metricPhrase(s.context()))),
                "candidates", cands.toString()));
        return new RenderedPrompt(SURROGATE.id(), text, sel.dropped());
    }

    /** The budget left for scored rows once the running rows, which are always shown, have theirs. */
    private static HistoryBudget rest(HistoryBudget budget, String runningText) {
        return runningText.isEmpty() ? budget : new HistoryBudget(Math.max(1, budget.maxChars() - runningText.length()));
    }

    /** What the prompt says about its rows: which were left out, what "being evaluated" means; empty for neither. */
    private static String notes(HistorySelection sel, String runningNote) {
        return sel.note().isEmpty() ? runningNote : runningNote.isEmpty() ? sel.note() : sel.note() + " " + runningNote;
    }

    /** LLAMBO's system message, plus one sentence about quoted data. */
    public static String system() {
        return SYSTEM.render(Map.of());
    }

    /** The follow-up message after an unusable reply: what was wrong, and the format again. */
    public static String retry(String problems, String formatInstructions) {
        return RETRY.render(Map.of("problems", problems, "format", formatInstructions));
    }

    public static String configsFormat(SearchSpace space, int n, ReplyFormat format) {
        return PromptTemplate.load(format.configsTemplate(), VERSION)
                .render(Map.of("n", Integer.toString(n), "keys", space.names().toString()));
    }

    public static String scoresFormat(DataCard card, PromptSettings s) {
        return PromptTemplate.load(s.format().scoresTemplate(), VERSION)
                .render(Map.of("metric", card.metricPhrase(s.context())));
    }

    /** LLAMBO's "allowable ranges" list, one {@code - name: range} line per parameter. */
    static String space(SearchSpace space) {
        StringBuilder out = new StringBuilder();
        for (Param p : space.params()) {
            out.append(out.length() == 0 ? "" : "\n").append("- ").append(p.name()).append(": ")
                    .append(ValueFormat.range(p));
        }
        return out.toString();
    }
}
