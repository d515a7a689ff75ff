package dev.tuneagent.prompts.history;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.TrialState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial that is being evaluated while the prompt is written (parallel trials, other workers): shown to the
 * model as a row without a score, so it does not propose the same configuration again. Without running trials
 * a prompt has no such row and no sentence about them: it is exactly what it was before parallel trials.
 */
public record RunningRow(int trial, Map<String, Object> params) {
    /** What such a row says where a score would be. */
    public static final String MARK = "being evaluated (no result yet)";
    /** The sentence that explains the mark, in prompts that show at least one running row. */
    public static final String NOTE = "Configurations whose performance is marked \"being evaluated\" are running"
            + " now and have no result yet.";
    /** What the sampler adds to it: the model is asked for new configurations. */
    public static final String DO_NOT_REPEAT = " Do not recommend them again.";

    public RunningRow {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The RUNNING trials of a snapshot in trial order. */
    public static List<RunningRow> of(StudySnapshot snapshot) {
        return snapshot.trials().stream().filter(t -> t.state() == TrialState.RUNNING)
                .map(t -> new RunningRow(t.number(), t.params())).toList();
    }

    /** One row in the style of the scored rows it stands among, starting with a newline as they do. */
    public String render(SearchSpace space, RowStyle style) {
        if (style == RowStyle.SAMPLER) {
            return "\nPerformance: " + MARK + "\nHyperparameter configuration: ## "
                    + HistorySerializer.config(params, space, ": ") + " ##";
        }
        return "\nHyperparameter configuration: " + HistorySerializer.config(params, space, " is ")
                + "\nPerformance: " + MARK;
    }

    /**
     * The rows, in trial order. They go before the scored rows: the few-shot examples closest to the question stay
     * the best scored ones, and the scored rows keep the order (and shuffle) they have without running trials.
     */
    public static String render(List<RunningRow> rows, SearchSpace space, RowStyle style) {
        StringBuilder out = new StringBuilder();
        rows.stream().sorted(java.util.Comparator.comparingInt(RunningRow::trial))
                .forEach(r -> out.append(r.render(space, style)));
        return out.toString();
    }
}
