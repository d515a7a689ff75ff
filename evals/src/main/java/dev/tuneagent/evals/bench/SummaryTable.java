package dev.tuneagent.evals.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Markdown regret table of {@code summarize.py}: per (function, sampler), for each checkpoint the median
 * over seeds of log10 simple regret with the 25th and 75th percentiles in brackets, and the median ms/trial.
 * Same ordering, same rounding, same empty cell when no run is long enough.
 */
public final class SummaryTable {
    public static final List<Integer> CHECKPOINTS = List.of(10, 25, 50, 100);
    static final List<String> FUNC_ORDER =
            List.of("branin", "hartmann3", "hartmann6", "ackley5", "rosenbrock4", "levy6", "styblinskitang8");
    static final List<String> SAMPLER_ORDER = List.of("random", "qmc", "tpe", "tpe_mv", "cmaes", "sk_gp_ei");

    private SummaryTable() {
    }

    public static List<TableRow> rows(List<RunResult> results, List<Integer> checkpoints) {
        Map<List<String>, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(List.of(r.function(), r.sampler()), k -> new ArrayList<>()).add(r);
        }
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        keys.sort(Comparator.<List<String>, Rank>comparing(k -> Rank.of(FUNC_ORDER, k.get(0)))
                .thenComparing(k -> Rank.of(SAMPLER_ORDER, k.get(1))));
        List<TableRow> rows = new ArrayList<>();
        for (List<String> key : keys) {
            rows.add(row(key.get(0), key.get(1), groups.get(key), checkpoints));
        }
        return rows;
    }

    static TableRow row(String function, String sampler, List<RunResult> runs, List<Integer> checkpoints) {
        Set<Long> seeds = new HashSet<>();
        for (RunResult r : runs) {
            if (!seeds.add(r.seed())) {
                throw new IllegalArgumentException(function + "/" + sampler + ": duplicated seed " + r.seed()
                        + " (results appended twice?)");
            }
        }
        List<String> cells = new ArrayList<>();
        Map<Integer, Double> medians = new HashMap<>();
        for (int n : checkpoints) {
            List<Double> vals = new ArrayList<>();
            for (RunResult r : runs) {
                if (r.trials() >= n) {
                    vals.add(Stats.log10Regret(r.regretAt(n)));
                }
            }
            if (vals.isEmpty()) {
                cells.add("");
                continue;
            }
            String median = Stats.fixed(Stats.median(vals), 2);
            medians.put(n, Double.parseDouble(median));
            cells.add(median + " [" + Stats.fixed(Stats.quantile(vals, .25), 2) + ", "
                    + Stats.fixed(Stats.quantile(vals, .75), 2) + "]");
        }
        double ms = Stats.median(runs.stream().map(RunResult::msPerTrial).toList());
        return new TableRow(function, sampler, cells, Stats.fixed(ms, 1), medians);
    }

    public static String header(List<Integer> checkpoints) {
        StringBuilder h = new StringBuilder("| function | sampler | ");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int i = 0; i < checkpoints.size(); i++) {
            h.append(i == 0 ? "" : " | ").append('@').append(checkpoints.get(i));
            rule.append("---|");
        }
        return h.append(" | ms/trial |").append('\n').append(rule).append("---|").toString();
    }

    public static String markdown(List<TableRow> rows, List<Integer> checkpoints) {
        StringBuilder sb = new StringBuilder(header(checkpoints));
        for (TableRow r : rows) {
            sb.append('\n').append(r.markdown());
        }
        return sb.toString();
    }

    /**
     * Our rows and the anchors' rows in one table: for each function the anchors first, then ours, so each
     * function's competitors sit together.
     */
    public static List<TableRow> interleave(List<TableRow> anchors, List<TableRow> ours) {
        List<String> functions = new ArrayList<>();
        for (TableRow r : anchors) {
            if (!functions.contains(r.function())) {
                functions.add(r.function());
            }
        }
        for (TableRow r : ours) {
            if (!functions.contains(r.function())) {
                functions.add(r.function());
            }
        }
        functions.sort(Comparator.comparing(f -> Rank.of(FUNC_ORDER, f)));
        List<TableRow> out = new ArrayList<>();
        for (String f : functions) {
            anchors.stream().filter(r -> r.function().equals(f)).forEach(out::add);
            ours.stream().filter(r -> r.function().equals(f)).forEach(out::add);
        }
        return out;
    }

    /** summarize.py's {@code rank}: known names by their position, unknown ones after them alphabetically. */
    record Rank(int position, String name) implements Comparable<Rank> {
        static Rank of(List<String> order, String name) {
            int i = order.indexOf(name);
            return new Rank(i < 0 ? order.size() : i, name);
        }

        @Override
        public int compareTo(Rank o) {
            int c = Integer.compare(position, o.position);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }
}
