package dev.tuneagent.evals.eval;

import dev.tuneagent.evals.bench.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code summary.md}, from the result lines alone (see {@link EvalStats} for every definition). */
public final class SummaryWriter {
    private SummaryWriter() {
    }

    public static String markdown(List<CellResult> results, List<Integer> wanted) {
        EvalStats s = new EvalStats(results);
        List<Integer> cps = checkpoints(wanted, s.budget());
        int last = s.budget();
        StringBuilder md = new StringBuilder("# Evaluation summary\n\n");
        header(md, results, s);
        List<String> ranked = s.rankedTasks();
        md.append("\n## Overall\n\n### Mean rank across ").append(ranked.size())
                .append(" task(s) (1 = best; per task by median ").append(s.allSynthetic() ? "log10 regret" : "best value")
                .append(" over seeds)\n\n");
        if (ranked.size() < s.tasks().size()) {
            md.append("Only the tasks where every proposer has results are ranked (").append(String.join(", ", ranked))
                    .append("); the others (").append(String.join(", ", s.tasks().stream()
                            .filter(t -> !ranked.contains(t)).toList())).append(") miss some proposer's cells.\n\n");
        }
        md.append("| proposer |");
        cps.forEach(c -> md.append(" @").append(c).append(" |"));
        md.append("\n|---|").append("---|".repeat(cps.size())).append('\n');
        Map<Integer, Map<String, Double>> ranks = new LinkedHashMap<>();
        cps.forEach(c -> ranks.put(c, s.meanRank(c)));
        for (String p : s.proposers()) {
            md.append("| ").append(p).append(" |");
            cps.forEach(c -> md.append(' ').append(num(ranks.get(c).get(p), 2)).append(" |"));
            md.append('\n');
        }
        md.append("\n### Pairwise after ").append(last).append(" trials, all tasks (paired by task and seed)\n\n");
        pairwise(md, s, null, last);
        md.append("\n### Cost and overhead\n\n");
        cost(md, s, results);
        LlmProvenance.section(md, results);
        md.append("\n## Per task\n");
        for (String t : s.tasks()) {
            boolean syn = s.synthetic(t);
            md.append("\n### ").append(t).append(" (").append(syn ? "log10 simple regret, lower is better"
                    : metricOf(results, t) + ", " + directionOf(results, t)).append("; median [25th, 75th percentile] over seeds)\n\n");
            table(md, s, t, cps, false);
            if (!syn) {
                md.append("\nNormalized score (mean over seeds; 100 = best found by any cell, 0 = ")
                        .append(s.randomBaseline(t) ? "random search's mean" : "the mean first trial").append("):\n\n");
                table(md, s, t, cps, true);
            }
            md.append("\nPairwise after ").append(last).append(" trials:\n\n");
            pairwise(md, s, t, last);
        }
        problems(md, results);
        md.append("\n## Definitions\n\n").append(DEFINITIONS);
        return md.toString();
    }

    static final String DEFINITIONS = """
            - Cells are proposer × task × seed; every cell is a real study with the seed as its study seed, so all \
            proposers of a seed see the same CV folds (ML tasks) or the same anonymized instance (test functions).
            - Simple regret after n trials: best value so far − the function's known global minimum, on the \
            function's own scale (not the anonymized one), floored at 1e-12.
            - Normalized score (Bayesmark): loss L = metric when minimizing, −metric when maximizing; L* = the best \
            loss any cell of this run reached on the task; L_rand(n) = the mean loss of the random cells after n \
            trials (without random in the run: the mean loss of every cell's first trial); \
            score = 100 × (L_rand(n) − L) / (L_rand(n) − L*); n/a when L_rand(n) = L*.
            - Ranks and wins compare −log10 regret (test functions) or the metric, oriented so that higher is \
            better (within a task this orders cells as the score does, and is never n/a); a tie is a difference \
            within 1e-9. p: Wilcoxon signed-rank test (Commons Math) on the paired differences with zero \
            differences dropped; exact for at most 30 pairs. Pooled over tasks, a metric difference is divided by \
            the task's spread (worst first-trial loss of any cell − L*), so that every task weighs alike.
            - default: the task's untuned configuration, evaluated once; its curve is flat.
            - calls, tokens, $: LLM calls per trial, tokens (in + out) per trial, estimated dollars in total \
            (n/a: prices unknown for the model); fallbacks: trials per cell proposed by the fallback chain instead \
            of the named proposer; proposer ms: wall time inside propose per trial (model calls included; depends on \
            machine load, unlike every other number here).
            """;

    private static void header(StringBuilder md, List<CellResult> results, EvalStats s) {
        long ok = results.stream().filter(CellResult::ok).count();
        long failed = results.stream().filter(r -> r.status().equals(CellResult.FAILED)).count();
        long skipped = results.stream().filter(r -> r.status().equals(CellResult.SKIPPED)).count();
        long seeds = results.stream().mapToLong(CellResult::seed).distinct().count();
        md.append("- ").append(s.tasks().size()).append(" task(s) × ").append(s.proposers().size())
                .append(" proposer(s) (").append(String.join(", ", s.proposers())).append(") × ").append(seeds)
                .append(" seed(s), ").append(s.budget()).append(" trials per cell: ").append(ok).append(" ok, ")
                .append(failed).append(" failed, ").append(skipped).append(" skipped.\n");
        Set<String> views = new LinkedHashSet<>();
        results.stream().filter(r -> r.view() != null).forEach(r -> views.add(r.view()));
        if (!views.isEmpty()) {
            md.append("- View of the test functions: **").append(String.join(", ", views)).append("**")
                    .append(views.contains("anonymized") ? " (per seed: permuted, reflected coordinates x1..xd on [0, 1] "
                            + "over a random sub-box holding the minimizer, values through a positive affine map; "
                            + "regret on the function's own scale)" : " (the textbook box and values)").append(".\n");
        }
    }

    private static void table(StringBuilder md, EvalStats s, String task, List<Integer> cps, boolean score) {
        md.append("| proposer |");
        cps.forEach(c -> md.append(" @").append(c).append(" |"));
        md.append(" seeds |\n|---|").append("---|".repeat(cps.size() + 1)).append('\n');
        boolean syn = s.synthetic(task);
        for (String p : s.proposers()) {
            List<CellResult> cells = s.cells(task, p);
            if (cells.isEmpty()) {
                continue;
            }
            md.append("| ").append(p).append(" |");
            for (int c : cps) {
                List<Double> v = score ? s.scores(task, p, c) : s.values(task, p, c);
                md.append(' ').append(v.isEmpty() ? "n/a" : score ? num(mean(v), 1)
                        : quartiles(v, syn ? 2 : 4)).append(" |");
            }
            md.append(' ').append(cells.size()).append(" |\n");
        }
    }

    private static void pairwise(StringBuilder md, EvalStats s, String task, int n) {
        md.append("| a vs b | wins | ties | losses | p (Wilcoxon) |\n|---|---|---|---|---|\n");
        List<String> ps = s.proposers();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                EvalStats.Pairwise w = s.pairwise(task, ps.get(i), ps.get(j), n);
                if (w.wins() + w.ties() + w.losses() == 0) {
                    continue;
                }
                md.append("| ").append(w.a()).append(" vs ").append(w.b()).append(" | ").append(w.wins()).append(" | ")
                        .append(w.ties()).append(" | ").append(w.losses()).append(" | ")
                        .append(w.p() == null ? "n/a" : String.format(Locale.ROOT, "%.3g", w.p())).append(" |\n");
            }
        }
    }

    private static void cost(StringBuilder md, EvalStats s, List<CellResult> results) {
        // Medians over cells, said in the header: a mean of wall times is dominated by the costliest task.
        md.append("| proposer | cells | calls/trial | tokens/trial | $ total | fallbacks/cell | proposer ms/trial (median)"
                + " | wall s/cell (median) | resource/cell (median) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (String p : s.proposers()) {
            List<CellResult> cells = results.stream().filter(r -> r.proposer().equals(p) && r.ok()).toList();
            if (cells.isEmpty()) {
                md.append("| ").append(p).append(" | 0 | | | | | | | |\n");
                continue;
            }
            double trials = cells.stream().mapToDouble(r -> r.proposer().equals(DefaultProposer.NAME) ? 1
                    : r.curve().size()).sum();
            boolean costKnown = cells.stream().allMatch(r -> r.costUsd() != null);
            List<Double> ms = cells.stream().map(r -> r.proposerMs() / Math.max(1, r.proposer()
                    .equals(DefaultProposer.NAME) ? 1 : r.curve().size())).toList();
            md.append("| ").append(p).append(" | ").append(cells.size()).append(" | ")
                    .append(num(cells.stream().mapToDouble(CellResult::calls).sum() / trials, 2)).append(" | ")
                    .append(num(cells.stream().mapToDouble(CellResult::tokens).sum() / trials, 0)).append(" | ")
                    .append(costKnown ? String.format(Locale.ROOT, "%.4f",
                            cells.stream().mapToDouble(CellResult::costUsd).sum()) : "n/a").append(" | ")
                    .append(num(cells.stream().mapToDouble(CellResult::fallbacks).average().orElse(0), 2)).append(" | ")
                    .append(num(Stats.median(ms), 1)).append(" | ")
                    .append(num(Stats.median(cells.stream().map(CellResult::wallS).toList()), 2)).append(" | ")
                    .append(num(Stats.median(cells.stream().map(r -> (double) r.resource()).toList()), 0))
                    .append(" |\n");
        }
    }

    private static void problems(StringBuilder md, List<CellResult> results) {
        List<CellResult> bad = results.stream().filter(r -> !r.ok()).toList();
        if (bad.isEmpty()) {
            return;
        }
        md.append("\n## Failed and skipped cells\n\n| task | proposer | seed | status | reason |\n|---|---|---|---|---|\n");
        for (CellResult r : bad) {
            String reason = r.reason() == null ? "" : r.reason().replace('|', '/').replace('\n', ' ');
            md.append("| ").append(r.task()).append(" | ").append(r.proposer()).append(" | ").append(r.seed())
                    .append(" | ").append(r.status()).append(" | ")
                    .append(reason.length() > 300 ? reason.substring(0, 297) + "..." : reason).append(" |\n");
        }
    }

    static List<Integer> checkpoints(List<Integer> wanted, int budget) {
        List<Integer> out = new ArrayList<>(wanted.stream().filter(c -> c < budget).sorted().distinct().toList());
        if (budget > 0) {
            out.add(budget);
        }
        return out;
    }

    private static String metricOf(List<CellResult> results, String task) {
        return results.stream().filter(r -> r.task().equals(task)).map(CellResult::metric).findFirst().orElse("value");
    }

    private static String directionOf(List<CellResult> results, String task) {
        return results.stream().filter(r -> r.task().equals(task)).findFirst()
                .map(r -> r.direction().lower().equals("maximize") ? "higher is better" : "lower is better").orElse("");
    }

    static String quartiles(List<Double> v, int decimals) {
        return Stats.fixed(Stats.median(v), decimals) + " [" + Stats.fixed(Stats.quantile(v, 0.25), decimals) + ", "
                + Stats.fixed(Stats.quantile(v, 0.75), decimals) + "]";
    }

    static String num(Double v, int decimals) {
        return v == null ? "n/a" : Stats.fixed(v, decimals);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Where results.jsonl's sibling files go. */
    static Path path(Path out) {
        return out.resolve("summary.md");
    }
}
