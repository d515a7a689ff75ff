package dev.tuneagent.evals.prune;

import dev.tuneagent.core.study.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pruning benchmark's Markdown table: one row per task and pruner, over the paired seeds. */
public final class PruneReport {
    private PruneReport() {
    }

    public static String table(List<PruneBench.Pair> pairs, Map<String, Direction> directions) {
        Map<String, List<PruneBench.Pair>> rows = new LinkedHashMap<>();
        for (PruneBench.Pair p : pairs) {
            rows.computeIfAbsent(p.task() + "\u0000" + p.pruner(), k -> new ArrayList<>()).add(p);
        }
        StringBuilder b = new StringBuilder();
        b.append("| task | pruner | seeds | resource to reach the no-pruning best (median, % of R) | reached "
                + "| best, no pruning (median) | best, pruner at equal resource (median) | pruner better/tie/worse "
                + "| trials run, none → pruner (median) | pruned (median) |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (List<PruneBench.Pair> row : rows.values()) {
            PruneBench.Pair first = row.get(0);
            Direction d = directions.get(first.task());
            List<Double> reach = new ArrayList<>();
            int reached = 0;
            int better = 0;
            int tie = 0;
            int worse = 0;
            for (PruneBench.Pair p : row) {
                long r = p.pruned().resourceToReach(p.none().best(), d);
                if (r >= 0) {
                    reached++;
                    reach.add(100.0 * r / p.none().resource());
                } else {
                    reach.add(Double.POSITIVE_INFINITY);
                }
                double a = d.toLoss(p.pruned().best());
                double n = d.toLoss(p.none().best());
                if (Math.abs(a - n) <= 1e-12 * Math.max(1, Math.abs(n))) {
                    tie++;
                } else if (a < n) {
                    better++;
                } else {
                    worse++;
                }
            }
            double medReach = median(reach);
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d/%d | %.6g | %.6g | %d/%d/%d | %s → %s | %s |%n",
                    first.task(), first.pruner(), row.size(),
                    Double.isInfinite(medReach) || Double.isNaN(medReach) ? "not reached" : String.format(Locale.ROOT, "%.0f%%", medReach),
                    reached, row.size(),
                    median(row.stream().map(p -> p.none().best()).toList()),
                    median(row.stream().map(p -> p.pruned().best()).toList()),
                    better, tie, worse,
                    fmt(median(row.stream().map(p -> (double) p.none().trials()).toList())),
                    fmt(median(row.stream().map(p -> (double) p.pruned().trials()).toList())),
                    fmt(median(row.stream().map(p -> (double) p.pruned().pruned()).toList()))));
        }
        return b.toString();
    }

    /** The median; unlike Commons Math's percentile it keeps +infinity ("not reached") exact. */
    static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] == s[n / 2] ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
