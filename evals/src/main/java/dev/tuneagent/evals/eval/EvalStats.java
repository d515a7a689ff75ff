package dev.tuneagent.evals.eval;

import dev.tuneagent.core.study.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * The numbers of the report, from result lines alone. Per cell and checkpoint n:
 * <ul>
 *   <li><b>value</b>: log10 simple regret (test functions: best so far − known minimum, floored at 1e-12), or the
 *   metric's best so far (ML tasks and task files);</li>
 *   <li><b>score</b> (Bayesmark's normalized score, ML tasks and task files): with the loss L = metric when
 *   minimizing and −metric when maximizing, L* the best loss any cell of the run reached on the task, and
 *   L_rand(n) the mean loss of the {@code random} cells after n trials (without random in the run: the mean loss
 *   of every cell's first trial), score = 100 × (L_rand(n) − L) / (L_rand(n) − L*). 100 = the best anyone found,
 *   0 = random search's average, below 0 = worse than random; undefined when L_rand(n) = L*;</li>
 *   <li><b>goodness</b>: what ranks and pairwise comparisons use, higher is better: −log10 regret, or −L (the
 *   metric, oriented). Within a task this orders cells exactly as the score does, and it is never undefined.</li>
 * </ul>
 * Ranks: per task, proposers ranked by their median goodness over seeds (1 = best, ties share the mean rank),
 * then averaged over tasks. Pairwise: per (task, seed) pair the two goodness values are compared (a tie within
 * 1e-9); the p-value is Commons Math's Wilcoxon signed-rank test on the paired differences, zero differences
 * dropped (exact for at most 30 pairs, normal approximation above). Pooled over tasks, an ML or task-file
 * difference is divided by the task's spread (the worst first-trial loss of any cell − L*), so that every task
 * weighs alike whatever its metric's scale.
 */
public final class EvalStats {
    static final double TIE = 1e-9;
    private final List<CellResult> ok;
    private final List<String> tasks = new ArrayList<>();
    private final List<String> proposers = new ArrayList<>();
    private final Map<String, Double> bestLoss = new LinkedHashMap<>();
    private final int budget;

    public EvalStats(List<CellResult> results) {
        this.ok = results.stream().filter(CellResult::ok).filter(r -> r.best() != null).toList();
        for (CellResult r : results) {
            if (!tasks.contains(r.task())) {
                tasks.add(r.task());
            }
            if (!proposers.contains(r.proposer())) {
                proposers.add(r.proposer());
            }
        }
        for (CellResult r : ok) {
            bestLoss.merge(r.task(), loss(r, r.best()), Math::min);
        }
        this.budget = results.stream().mapToInt(r -> r.curve().size()).max().orElse(0);
    }

    public List<String> tasks() {
        return tasks;
    }

    public List<String> proposers() {
        return proposers;
    }

    public int budget() {
        return budget;
    }

    public boolean synthetic(String task) {
        return ok.stream().anyMatch(r -> r.task().equals(task) && r.minimum() != null);
    }

    public boolean allSynthetic() {
        return tasks.stream().allMatch(this::synthetic);
    }

    public List<CellResult> cells(String task, String proposer) {
        return ok.stream().filter(r -> r.task().equals(task) && r.proposer().equals(proposer))
                .sorted(Comparator.comparingLong(CellResult::seed)).toList();
    }

    /** log10 regret (test functions) or the metric after n trials. */
    public Double value(CellResult r, int n) {
        if (r.minimum() != null) {
            Double regret = r.regretAt(n);
            return regret == null ? null : Math.log10(regret);
        }
        return r.at(n);
    }

    /** Bayesmark's normalized score after n trials (see the class comment); null where undefined. */
    public Double score(CellResult r, int n) {
        Double v = r.at(n);
        Double star = bestLoss.get(r.task());
        Double rand = randomLoss(r.task(), n);
        if (v == null || star == null || rand == null || Math.abs(rand - star) < 1e-12) {
            return null;
        }
        return 100.0 * (rand - loss(r, v)) / (rand - star);
    }

    public Double goodness(CellResult r, int n) {
        if (r.minimum() != null) {
            Double v = value(r, n);
            return v == null ? null : -v;
        }
        Double v = r.at(n);
        return v == null ? null : -loss(r, v);
    }

    /** What a goodness difference on {@code task} is divided by when tasks are pooled (1 for test functions). */
    double spread(String task) {
        if (synthetic(task)) {
            return 1.0;
        }
        double worst = ok.stream().filter(r -> r.task().equals(task) && r.at(1) != null)
                .mapToDouble(r -> loss(r, r.at(1))).max().orElse(Double.NaN);
        double s = worst - bestLoss.getOrDefault(task, Double.NaN);
        return Double.isFinite(s) && s > 0 ? s : 1.0;
    }

    /** Whether the score's baseline is the run's random cells (else every cell's first trial). */
    public boolean randomBaseline(String task) {
        return !cells(task, "random").isEmpty();
    }

    public List<Double> values(String task, String proposer, int n) {
        return cells(task, proposer).stream().map(r -> value(r, n)).filter(Objects::nonNull).toList();
    }

    public List<Double> scores(String task, String proposer, int n) {
        return cells(task, proposer).stream().map(r -> score(r, n)).filter(Objects::nonNull).toList();
    }

    /** Rank of each proposer on one task after n trials (by median goodness; missing proposers are left out). */
    public Map<String, Double> ranks(String task, int n) {
        Map<String, Double> median = new LinkedHashMap<>();
        for (String p : proposers) {
            List<Double> g = cells(task, p).stream().map(r -> goodness(r, n)).filter(Objects::nonNull).toList();
            if (!g.isEmpty()) {
                median.put(p, dev.tuneagent.evals.bench.Stats.median(g));
            }
        }
        Map<String, Double> ranks = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : median.entrySet()) {
            int better = 0;
            int tied = 0;
            for (double other : median.values()) {
                if (other > e.getValue() + TIE) {
                    better++;
                } else if (Math.abs(other - e.getValue()) <= TIE) {
                    tied++;
                }
            }
            ranks.put(e.getKey(), better + (tied + 1) / 2.0);
        }
        return ranks;
    }

    /**
     * The tasks on which every proposer of the run has at least one successful cell. Ranks are only comparable
     * there: a task that some proposer misses would rank the others among fewer. When no task is complete, all.
     */
    public List<String> rankedTasks() {
        List<String> complete = tasks.stream().filter(t -> proposers.stream().allMatch(p -> !cells(t, p).isEmpty()))
                .toList();
        return complete.isEmpty() ? tasks : complete;
    }

    /** Mean over {@link #rankedTasks()} of each proposer's rank after n trials. */
    public Map<String, Double> meanRank(int n) {
        Map<String, double[]> sum = new LinkedHashMap<>();
        for (String t : rankedTasks()) {
            ranks(t, n).forEach((p, r) -> {
                double[] s = sum.computeIfAbsent(p, k -> new double[2]);
                s[0] += r;
                s[1]++;
            });
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String p : proposers) {
            if (sum.containsKey(p)) {
                out.put(p, sum.get(p)[0] / sum.get(p)[1]);
            }
        }
        return out;
    }

    /** Wins, ties and losses of {@code a} against {@code b}, and the Wilcoxon p-value (null: no non-zero pair). */
    public record Pairwise(String a, String b, int wins, int ties, int losses, Double p) {
    }

    /** {@code a} vs {@code b} after n trials, paired by (task, seed); {@code task} null pools every task. */
    public Pairwise pairwise(String task, String a, String b, int n) {
        List<Double> diffs = new ArrayList<>();
        int wins = 0;
        int ties = 0;
        int losses = 0;
        for (String t : tasks) {
            if (task != null && !task.equals(t)) {
                continue;
            }
            for (CellResult ra : cells(t, a)) {
                CellResult rb = cells(t, b).stream().filter(x -> x.seed() == ra.seed()).findFirst().orElse(null);
                Double ga = goodness(ra, n);
                Double gb = rb == null ? null : goodness(rb, n);
                if (ga == null || gb == null) {
                    continue;
                }
                double d = (ga - gb) / (task == null ? spread(t) : 1.0);
                if (d > TIE) {
                    wins++;
                } else if (d < -TIE) {
                    losses++;
                } else {
                    ties++;
                    continue;
                }
                diffs.add(d);
            }
        }
        Double p = null;
        if (!diffs.isEmpty()) {
            double[] x = diffs.stream().mapToDouble(Double::doubleValue).toArray();
            double[] zero = new double[x.length];
            // Commons Math's exact two-sided p doubles a tail that can hold more than half the mass: cap it at 1.
            p = Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, zero, x.length <= 30));
        }
        return new Pairwise(a, b, wins, ties, losses, p);
    }

    private Double randomLoss(String task, int n) {
        List<CellResult> random = cells(task, "random");
        List<Double> losses = new ArrayList<>();
        if (!random.isEmpty()) {
            random.stream().filter(r -> r.at(n) != null).forEach(r -> losses.add(loss(r, r.at(n))));
        } else {
            ok.stream().filter(r -> r.task().equals(task) && r.at(1) != null).forEach(r -> losses.add(loss(r, r.at(1))));
        }
        return losses.isEmpty() ? null : losses.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double loss(CellResult r, Double v) {
        return r.direction() == Direction.MAXIMIZE ? -v : v;
    }
}
