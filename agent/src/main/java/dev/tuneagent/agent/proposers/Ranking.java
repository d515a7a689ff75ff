package dev.tuneagent.agent.proposers;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Candidates ranked by a scorer: indices best first (larger score first, ties in sampler order, so the choice is
 * deterministic), the scores themselves for {@code explain}, and a note when the intended scorer failed.
 *
 * @param scorer the {@link Preset.Scorer} that produced {@code scores}
 * @param note   null, or why the candidates are in sampler order (recorded in provenance)
 */
record Ranking(List<Integer> order, double[] scores, Preset.Scorer scorer, String note) {

    static Ranking by(double[] scores, Preset.Scorer scorer) {
        List<Integer> order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -finite(scores[i])).thenComparingInt(i -> i))
                .toList();
        return new Ranking(order, scores, scorer, null);
    }

    /** The sampler's order: the first of k candidates scores k, the last 1. */
    static Ranking identity(int k, String note) {
        double[] scores = IntStream.range(0, k).mapToDouble(i -> k - i).toArray();
        return new Ranking(IntStream.range(0, k).boxed().toList(), scores, Preset.Scorer.IDENTITY, note);
    }

    private static double finite(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
