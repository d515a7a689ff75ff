package dev.tuneagent.surrogate.gp;

import dev.tuneagent.surrogate.optim.BoundedLbfgs;
import java.util.random.RandomGenerator;

/**
 * Fits hyperparameters by maximum a posteriori: a few random draws around the prior mode are
 * scored, the best {@code starts} (always including the prior mode itself) are refined by
 * bounded L-BFGS with the analytic gradient, and the best optimum wins. From
 * {@code singleStartFrom} observations on, only the best-scored start is refined: the likelihood
 * is sharper with more data (a second start rarely wins) and each evaluation costs O(n^3).
 */
public final class GpFitter implements HyperparameterFitter {
    private final int starts;
    private final int candidates;
    private final int maxIterations;
    private final int singleStartFrom;

    public GpFitter(int starts, int candidates, int maxIterations, int singleStartFrom) {
        this.starts = Math.max(1, starts);
        this.candidates = Math.max(this.starts, candidates);
        this.maxIterations = maxIterations;
        this.singleStartFrom = singleStartFrom;
    }

    public GpFitter(int starts, int candidates, int maxIterations) {
        this(starts, candidates, maxIterations, Integer.MAX_VALUE);
    }

    public static GpFitter defaults() {
        return new GpFitter(2, 8, 80, 64);
    }

    @Override
    public GpHyperparameters fit(double[][] inputs, double[] outputs, HyperPriors priors, RandomGenerator rng) {
        int p = inputs[0].length;
        MapObjective objective = new MapObjective(inputs, outputs, priors);
        double[] lo = priors.lowerBounds(p);
        double[] hi = priors.upperBounds(p);
        double[][] pool = new double[candidates][];
        double[] scores = new double[candidates];
        double[] scratch = new double[p + 3];
        for (int c = 0; c < candidates; c++) {
            double[] t = new double[p + 3];
            for (int j = 0; j < p; j++) {
                t[j] = Math.log(priors.lengthMode()) + (c == 0 ? 0 : rng.nextGaussian() * 1.0);
            }
            t[p] = c == 0 ? 0 : rng.nextGaussian() * 0.5;
            t[p + 1] = Math.log(c == 0 ? 1e-3 : priors.noiseMode()) + (c == 0 ? 0 : rng.nextGaussian());
            t[p + 2] = 0;
            for (int i = 0; i < t.length; i++) {
                t[i] = Math.max(lo[i], Math.min(hi[i], t[i]));
            }
            pool[c] = t;
            scores[c] = objective.valueAndGradient(t, scratch);
        }
        BoundedLbfgs lbfgs = BoundedLbfgs.defaults(maxIterations);
        double bestValue = Double.POSITIVE_INFINITY;
        double[] best = pool[0];
        boolean[] used = new boolean[candidates];
        int refine = outputs.length >= singleStartFrom ? 1 : starts;
        for (int s = 0; s < refine; s++) {
            int pick = refine == 1 ? argminUnused(scores, used) : s == 0 ? 0 : argminUnused(scores, used);
            used[pick] = true;
            BoundedLbfgs.Result r = lbfgs.minimize(objective, pool[pick], lo, hi);
            if (r.value() < bestValue) {
                bestValue = r.value();
                best = r.point();
            }
        }
        return GpHyperparameters.unpack(best);
    }

    private static int argminUnused(double[] scores, boolean[] used) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (!used[i] && (best < 0 || scores[i] < scores[best] || (Double.isNaN(scores[best]) && !Double.isNaN(scores[i])))) {
                best = i;
            }
        }
        return best;
    }
}
