package dev.tuneagent.prompts.history;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows a prompt keeps when the whole history does not fit its budget: the best third, the most
 * recent third and a diverse rest (greedy farthest points in the unit cube), and the trial numbers
 * of the rows it dropped, so the prompt and the provenance can say so.
 */
public record HistorySelection(List<HistoryRow> kept, List<Integer> dropped) {
    public HistorySelection {
        kept = List.copyOf(kept);
        dropped = List.copyOf(dropped);
    }

    public static HistorySelection select(List<HistoryRow> rows, SearchSpace space, Direction direction,
                                          RowStyle style, HistoryBudget budget) {
        int total = chars(rows, space, style);
        if (total <= budget.maxChars()) {
            return new HistorySelection(rows, List.of());
        }
        double average = (double) total / rows.size();
        int m = (int) Math.min(rows.size() - 1, Math.floor(budget.maxChars() / average));
        List<HistoryRow> chosen = List.of();
        for (; m >= 1; m--) {
            chosen = choose(rows, space, direction, m);
            if (chars(chosen, space, style) <= budget.maxChars()) {
                break;
            }
        }
        if (m < 1) {
            // Not even one row fits: still show the best one, a prompt without examples is useless.
            chosen = choose(rows, space, direction, 1);
        }
        Set<Integer> keptIds = new LinkedHashSet<>();
        chosen.forEach(r -> keptIds.add(r.trial()));
        List<HistoryRow> kept = rows.stream().filter(r -> keptIds.contains(r.trial())).toList();
        List<Integer> dropped = rows.stream().map(HistoryRow::trial).filter(t -> !keptIds.contains(t)).toList();
        return new HistorySelection(kept, dropped);
    }

    private static List<HistoryRow> choose(List<HistoryRow> rows, SearchSpace space, Direction direction, int m) {
        List<HistoryRow> out = new ArrayList<>();
        Set<Integer> taken = new LinkedHashSet<>();
        int third = (m + 2) / 3;
        Comparator<HistoryRow> byLoss = Comparator.<HistoryRow>comparingDouble(r -> direction.toLoss(r.score()))
                .thenComparingInt(HistoryRow::trial);
        rows.stream().sorted(byLoss).limit(third).forEach(r -> add(out, taken, r));
        rows.stream().sorted(Comparator.comparingInt(HistoryRow::trial).reversed())
                .filter(r -> !taken.contains(r.trial())).limit(Math.min(third, m - out.size()))
                .forEach(r -> add(out, taken, r));
        List<double[]> points = new ArrayList<>();
        out.forEach(r -> points.add(space.encode(r.params())));
        while (out.size() < m) {
            HistoryRow far = null;
            double farDist = -1;
            for (HistoryRow r : rows) {
                if (taken.contains(r.trial())) {
                    continue;
                }
                double[] u = space.encode(r.params());
                double d = points.stream().mapToDouble(p -> distance(p, u)).min().orElse(Double.MAX_VALUE);
                if (d > farDist) {
                    far = r;
                    farDist = d;
                }
            }
            add(out, taken, far);
            points.add(space.encode(far.params()));
        }
        return out;
    }

    private static void add(List<HistoryRow> out, Set<Integer> taken, HistoryRow r) {
        out.add(r);
        taken.add(r.trial());
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static int chars(List<HistoryRow> rows, SearchSpace space, RowStyle style) {
        int n = 0;
        for (HistoryRow r : rows) {
            n += HistorySerializer.row(r, space, style).length();
        }
        return n;
    }

    /** A sentence for the prompt, empty when nothing was dropped. */
    public String note() {
        if (dropped.isEmpty()) {
            return "";
        }
        return "Only " + kept.size() + " of " + (kept.size() + dropped.size())
                + " completed trials are shown (the best, the most recent and a diverse subset); not shown: trials "
                + ranges(dropped) + ".";
    }

    static String ranges(List<Integer> sortedIds) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sortedIds.size()) {
            int j = i;
            while (j + 1 < sortedIds.size() && sortedIds.get(j + 1) == sortedIds.get(j) + 1) {
                j++;
            }
            out.append(out.length() == 0 ? "" : ", ").append(sortedIds.get(i));
            if (j > i) {
                out.append('-').append(sortedIds.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }
}
