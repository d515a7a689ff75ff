package dev.tuneagent.core.analysis;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the spread in a study's results each parameter explains on its own: a first-order
 * (main-effect) sensitivity index, the share of the variance of the objective's <em>ranks</em> that
 * the parameter's groups explain (the correlation ratio eta squared, adjusted for the number of groups).
 *
 * <p>Why this method: it is what fANOVA reports as a parameter's main effect, estimated without fitting a
 * forest, so it is cheap (O(n log n) per parameter), deterministic and needs no seed. Ranks make one
 * disastrous trial unable to dominate the variance. Numeric parameters are cut into equal-count bins of
 * their own values (so a log scale and any other monotone transform give the same answer); categorical
 * ones are grouped by choice. The adjustment {@code 1 - (1 - eta2)(n - 1)/(n - g)} removes the share a
 * parameter would "explain" by chance with {@code g} groups, clipped at 0. It does not see interactions:
 * two parameters that only matter together both score low.
 */
public final class ParamImportance {
    /** Below this many COMPLETE trials the estimate is noise; {@link #of} returns nothing. */
    public static final int MIN_TRIALS = 4;
    private static final int MAX_BINS = 10;

    /**
     * @param share  the adjusted share of rank variance explained, in [0, 1]
     * @param groups how many bins or choices the trials fell into
     */
    public record Score(String param, double share, int groups) {
    }

    private ParamImportance() {
    }

    /** One score per parameter of the search space, most important first (ties by space order); empty below {@link #MIN_TRIALS}. */
    public static List<Score> of(StudySnapshot s) {
        List<Trial> done = s.completed();
        int n = done.size();
        if (n < MIN_TRIALS) {
            return List.of();
        }
        double[] y = ranks(done.stream().mapToDouble(Trial::value).toArray());
        List<Score> scores = new ArrayList<>();
        for (String name : s.space().names()) {
            int[] group = groups(done.stream().map(t -> t.params().get(name)).toList(), bins(n));
            scores.add(score(name, y, group));
        }
        scores.sort(Comparator.comparingDouble(Score::share).reversed());
        return List.copyOf(scores);
    }

    /** Bins per numeric parameter: about sqrt(n), so each bin holds about as many trials as there are bins. */
    static int bins(int n) {
        return Math.max(2, Math.min(MAX_BINS, (int) Math.round(Math.sqrt(n))));
    }

    static Score score(String name, double[] y, int[] group) {
        int n = y.length;
        int g = Arrays.stream(group).max().orElse(-1) + 1;
        double mean = Arrays.stream(y).average().orElse(0);
        double total = 0;
        double[] sum = new double[g];
        int[] count = new int[g];
        for (int i = 0; i < n; i++) {
            total += (y[i] - mean) * (y[i] - mean);
            sum[group[i]] += y[i];
            count[group[i]]++;
        }
        if (g < 2 || total == 0 || n <= g) {
            return new Score(name, 0, g);
        }
        double between = 0;
        for (int k = 0; k < g; k++) {
            double m = sum[k] / count[k];
            between += count[k] * (m - mean) * (m - mean);
        }
        double eta2 = between / total;
        double adjusted = 1 - (1 - eta2) * (n - 1) / (n - g);
        return new Score(name, Math.max(0, Math.min(1, adjusted)), g);
    }

    /** Group index per trial: equal-count bins over sorted numeric values (ties share a bin), else one group per choice. */
    static int[] groups(List<Object> values, int bins) {
        int n = values.size();
        int[] group = new int[n];
        boolean numeric = values.stream().allMatch(v -> v instanceof Number);
        long distinct = values.stream().map(String::valueOf).distinct().count();
        if (!numeric || distinct <= bins) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            values.stream().map(String::valueOf).sorted().forEach(v -> ids.putIfAbsent(v, ids.size()));
            for (int i = 0; i < n; i++) {
                group[i] = ids.get(String.valueOf(values.get(i)));
            }
            return group;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> ((Number) values.get(i)).doubleValue()));
        int bin = 0;
        for (int pos = 0; pos < n; pos++) {
            double v = ((Number) values.get(order[pos])).doubleValue();
            boolean tie = pos > 0 && v == ((Number) values.get(order[pos - 1])).doubleValue();
            if (!tie) {
                bin = Math.max(bin, (int) ((long) pos * bins / n));
            }
            group[order[pos]] = bin;
        }
        return compact(group);
    }

    /** Renumbers groups 0..g-1 (ties can leave a bin empty). */
    private static int[] compact(int[] group) {
        int[] id = new int[Arrays.stream(group).max().orElse(0) + 1];
        Arrays.fill(id, -1);
        int next = 0;
        int[] sorted = group.clone();
        Arrays.sort(sorted);
        for (int b : sorted) {
            if (id[b] < 0) {
                id[b] = next++;
            }
        }
        return Arrays.stream(group).map(b -> id[b]).toArray();
    }

    /** Average ranks (1-based), ties sharing the mean of their positions. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[n];
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            double avg = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                r[order[k]] = avg;
            }
            start = end + 1;
        }
        return r;
    }
}
