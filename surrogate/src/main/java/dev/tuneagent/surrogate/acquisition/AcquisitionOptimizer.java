package dev.tuneagent.surrogate.acquisition;

import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.model.Posterior;
import dev.tuneagent.surrogate.model.Surrogate;
import dev.tuneagent.surrogate.optim.BoundedLbfgs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximizes an acquisition over the unit cube in three steps: (1) a sweep of scrambled Sobol points
 * plus points perturbed around the best observations (local candidates matter most once the model
 * has found a basin: the Sobol sweep alone rarely lands within a length-scale of the optimum in 6+
 * dimensions), every point rounded to valid int/ordinal/categorical values; (2) bounded L-BFGS with
 * the analytic gradient of the acquisition (through the posterior mean and variance gradients) from
 * the best distinct sweep points, categorical coordinates held fixed; (3) rounding of the results
 * and re-scoring. Returns all scored points best first, so a caller can skip ones it cannot use.
 * Typed against {@link Surrogate} (mean, variance and their gradients), not the GP, so it is tested on
 * closed-form functions. Every returned point lies in the unit cube.
 */
public final class AcquisitionOptimizer {
    private static final double[] SCALES = {0.01, 0.04, 0.12, 0.3};
    private static final int MAX_SOBOL_DIMENSION = 1000;

    private final int sweep;
    private final int refineStarts;
    private final int refineIterations;

    public AcquisitionOptimizer(int sweep, int refineStarts, int refineIterations) {
        this.sweep = sweep;
        this.refineStarts = refineStarts;
        this.refineIterations = refineIterations;
    }

    public static AcquisitionOptimizer defaults() {
        return new AcquisitionOptimizer(1024, 5, 40);
    }

    public record Candidate(double[] point, double value) {
    }

    /**
     * @param anchors observed points (unit-cube coordinates), best first, to perturb around
     */
    public List<Candidate> optimize(Surrogate model, FeatureMap map, Acquisition acq, List<double[]> anchors,
                                    RandomGenerator rng) {
        int d = map.dimension();
        List<Candidate> scored = new ArrayList<>();
        int local = anchors.isEmpty() ? 0 : sweep / 2;
        // commons-math3 ships Sobol direction numbers for at most 1000 dimensions; beyond, uniform points.
        SobolSequenceGenerator sobol = d <= MAX_SOBOL_DIMENSION ? new SobolSequenceGenerator(d) : null;
        double[] shift = new double[d];
        for (int i = 0; i < d; i++) {
            shift[i] = rng.nextDouble();
        }
        for (int s = 0; s < sweep - local; s++) {
            double[] u = sobol != null ? sobol.nextVector() : new double[d];
            for (int i = 0; i < d; i++) {
                u[i] = sobol != null ? (u[i] + shift[i]) % 1.0 : rng.nextDouble();
            }
            scored.add(score(model, map, acq, map.round(u)));
        }
        int top = Math.min(anchors.size(), 5);
        for (int s = 0; s < local; s++) {
            // Half of the local points go to the very best observation.
            double[] anchor = anchors.get(s % 2 == 0 ? 0 : (s / 2) % top);
            double scale = SCALES[(s / 2) % SCALES.length];
            double prob = s % 3 == 0 ? Math.min(1.0, 2.0 / d) : 1.0;
            double[] u = anchor.clone();
            boolean moved = false;
            for (int i = 0; i < d; i++) {
                if (rng.nextDouble() < prob) {
                    u[i] = reflect(u[i] + scale * rng.nextGaussian());
                    moved = true;
                }
            }
            if (!moved) {
                int i = rng.nextInt(d);
                u[i] = reflect(u[i] + scale * rng.nextGaussian());
            }
            scored.add(score(model, map, acq, map.round(u)));
        }
        scored.sort(Comparator.comparingDouble(Candidate::value).reversed());
        List<Candidate> refined = new ArrayList<>();
        BoundedLbfgs lbfgs = BoundedLbfgs.defaults(refineIterations);
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(hi, 1.0);
        List<double[]> starts = new ArrayList<>();
        for (Candidate c : scored) {
            if (starts.size() >= refineStarts) {
                break;
            }
            if (!Double.isFinite(c.value()) || starts.stream().anyMatch(x -> java.util.Arrays.equals(x, c.point()))) {
                continue;
            }
            starts.add(c.point());
        }
        for (double[] start : starts) {
            double[] fixedLo = lo.clone();
            double[] fixedHi = hi.clone();
            for (int i = 0; i < d; i++) {
                if (!map.continuous(i)) {
                    fixedLo[i] = start[i];
                    fixedHi[i] = start[i];
                }
            }
            BoundedLbfgs.Result r = lbfgs.minimize((u, g) -> -valueAndGradient(model, map, acq, u, g),
                    start, fixedLo, fixedHi);
            refined.add(score(model, map, acq, map.round(r.point())));
        }
        scored.addAll(refined);
        scored.sort(Comparator.comparingDouble(Candidate::value).reversed());
        return scored;
    }

    private static double reflect(double v) {
        double x = Math.abs(v) % 2.0;
        return x > 1 ? 2 - x : x;
    }

    /**
     * The acquisition at the unit-cube point {@code u} (already rounded), as the optimizer ranks it: the
     * variance is floored at 1e-18 and a NaN value ranks last.
     */
    public static Candidate score(Surrogate model, FeatureMap map, Acquisition acq, double[] u) {
        Posterior post = model.posterior(map.features(u));
        double sd = Math.sqrt(Math.max(post.variance(), 1e-18));
        double v = acq.valueAndDerivatives(post.mean(), sd)[0];
        return new Candidate(u, Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v);
    }

    /** Acquisition at u and its gradient in u (writes the negated gradient for minimization). */
    private static double valueAndGradient(Surrogate model, FeatureMap map, Acquisition acq, double[] u, double[] g) {
        int p = map.featureCount();
        double[] dMean = new double[p];
        double[] dVar = new double[p];
        Posterior post = model.posterior(map.features(u), dMean, dVar);
        double var = post.variance();
        double sd = Math.sqrt(Math.max(var, 1e-18));
        double[] a = acq.valueAndDerivatives(post.mean(), sd);
        double dSdVar = var > 1e-18 ? 0.5 / sd : 0;
        for (int i = 0; i < u.length; i++) {
            if (map.continuous(i)) {
                int c = map.column(i);
                g[i] = -(a[1] * dMean[c] + a[2] * dSdVar * dVar[c]);
            } else {
                g[i] = 0;
            }
        }
        return Double.isFinite(a[0]) ? a[0] : -1e300;
    }
}
