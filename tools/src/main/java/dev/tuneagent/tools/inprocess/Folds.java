package dev.tuneagent.tools.inprocess;

import dev.tuneagent.tools.data.Dataset;
import dev.tuneagent.tools.data.TaskKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded k-fold split of row indices. Classification folds are stratified: every class is spread over
 * the folds in proportion, so a small class is not missing from some training part by chance.
 */
final class Folds {
    private Folds() {
    }

    /** For each fold, {@code {trainRows, testRows}}; every row is in exactly one test part. */
    static List<int[][]> split(Dataset d, int k, long seed) {
        int n = d.rows();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        if (d.kind() == TaskKind.CLASSIFICATION) {
            // A stable sort by label keeps the shuffle inside each class; dealing round-robin stratifies.
            java.util.Arrays.sort(order, Comparator.comparing(i -> d.labels().get(i)));
        }
        int[] foldOf = new int[n];
        for (int pos = 0; pos < n; pos++) {
            foldOf[order[pos]] = pos % k;
        }
        List<int[][]> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int fold = f;
            int[] test = java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] == fold).toArray();
            int[] train = java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] != fold).toArray();
            folds.add(new int[][] {train, test});
        }
        return folds;
    }
}
