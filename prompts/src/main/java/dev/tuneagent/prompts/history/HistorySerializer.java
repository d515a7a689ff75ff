package dev.tuneagent.prompts.history;

import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Turns history rows into LLAMBO's few-shot text. Without a shuffle seed rows go from worst to best
 * (the best example sits closest to the question, as in LLAMBO); with one, the rows are shuffled
 * reproducibly, which is how LLAMBO's several templates differ.
 */
public final class HistorySerializer {
    private HistorySerializer() {
    }

    public static String render(List<HistoryRow> rows, SearchSpace space, Direction direction, RowStyle style,
                                Long shuffleSeed) {
        StringBuilder out = new StringBuilder();
        for (HistoryRow r : order(rows, direction, shuffleSeed)) {
            out.append(row(r, space, style));
        }
        return out.toString();
    }

    static List<HistoryRow> order(List<HistoryRow> rows, Direction direction, Long shuffleSeed) {
        List<HistoryRow> out = new ArrayList<>(rows);
        if (shuffleSeed == null) {
            Comparator<HistoryRow> worstFirst = Comparator.<HistoryRow>comparingDouble(r -> -direction.toLoss(r.score()))
                    .thenComparingInt(HistoryRow::trial);
            out.sort(worstFirst);
            return out;
        }
        out.sort(Comparator.comparingInt(HistoryRow::trial));
        RandomGenerator rng = Seeds.rng(shuffleSeed, 0x5157L);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            HistoryRow t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /** One example, starting with a newline as LLAMBO's few-shot examples do. */
    public static String row(HistoryRow r, SearchSpace space, RowStyle style) {
        String note = r.note() == null ? "" : " (" + r.note() + ")";
        if (style == RowStyle.SAMPLER) {
            return "\nPerformance: " + ValueFormat.score(r.score()) + note + "\nHyperparameter configuration: ## "
                    + config(r.params(), space, ": ") + " ##";
        }
        return "\nHyperparameter configuration: " + config(r.params(), space, " is ") + "\nPerformance: ## "
                + ValueFormat.score(r.score()) + " ##" + note;
    }

    /** {@code a: 1, b: 0.25} in declaration order, each value rounded to its parameter's precision. */
    public static String config(Map<String, Object> params, SearchSpace space, String separator) {
        StringBuilder out = new StringBuilder();
        for (Param p : space.params()) {
            out.append(out.length() == 0 ? "" : ", ").append(p.name()).append(separator)
                    .append(ValueFormat.value(p, params.get(p.name())));
        }
        return out.toString();
    }
}
