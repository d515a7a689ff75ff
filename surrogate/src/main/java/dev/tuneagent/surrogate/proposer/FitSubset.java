package dev.tuneagent.surrogate.proposer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/** The observations used for the hyperparameter fit: all of them, or the best quarter plus a random rest. */
record FitSubset(double[][] x, double[] y) {

    static FitSubset choose(double[][] x, double[] y, int max, RandomGenerator rng) {
        int n = y.length;
        if (n <= max) {
            return new FitSubset(x, y);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(y[a], y[b]));
        int best = max / 4;
        List<Integer> rest = new ArrayList<>(order.subList(best, n));
        // Fisher-Yates with the seeded generator (Collections.shuffle wants a java.util.Random).
        for (int i = rest.size() - 1; i > 0; i--) {
            Collections.swap(rest, i, rng.nextInt(i + 1));
        }
        List<Integer> pick = new ArrayList<>(order.subList(0, best));
        pick.addAll(rest.subList(0, max - best));
        double[][] sx = new double[max][];
        double[] sy = new double[max];
        for (int i = 0; i < max; i++) {
            sx[i] = x[pick.get(i)];
            sy[i] = y[pick.get(i)];
        }
        return new FitSubset(sx, sy);
    }
}
