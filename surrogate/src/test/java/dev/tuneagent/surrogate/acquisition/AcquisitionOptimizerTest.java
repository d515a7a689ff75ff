package dev.tuneagent.surrogate.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.gp.GpHyperparameters;
import dev.tuneagent.surrogate.gp.GpModel;
import dev.tuneagent.surrogate.model.Posterior;
import dev.tuneagent.surrogate.model.Surrogate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The optimizer against closed-form surrogates, where the maximizer of the acquisition is known. */
class AcquisitionOptimizerTest {
    private static final SearchSpace SQUARE = SearchSpace.of(new FloatParam("a", 0, 1, false),
            new FloatParam("b", 0, 1, false));

    /** Mean {@code |x - centre|^2}, constant variance: -UCB (beta 0) is maximal at the centre, if inside. */
    private record Bowl(double[] centre, double variance) implements Surrogate {
        @Override
        public int inputDimension() {
            return centre.length;
        }

        @Override
        public Posterior posterior(double[] x) {
            return posterior(x, new double[x.length], new double[x.length]);
        }

        @Override
        public Posterior posterior(double[] x, double[] dMean, double[] dVariance) {
            double m = 0;
            for (int i = 0; i < x.length; i++) {
                m += (x[i] - centre[i]) * (x[i] - centre[i]);
                dMean[i] = 2 * (x[i] - centre[i]);
                dVariance[i] = 0;
            }
            return new Posterior(m, variance);
        }
    }

    private static List<AcquisitionOptimizer.Candidate> optimize(Surrogate model, FeatureMap map, Acquisition acq) {
        return AcquisitionOptimizer.defaults().optimize(model, map, acq, List.of(), new SplittableRandom(3));
    }

    @Test
    void findsTheMaximumOfAKnownFunctionInsideTheBox() {
        var best = optimize(new Bowl(new double[] {0.31, 0.77}, 1), new FeatureMap(SQUARE), Acquisition.ucb(0)).get(0);
        assertThat(best.point()[0]).isCloseTo(0.31, within(1e-4));
        assertThat(best.point()[1]).isCloseTo(0.77, within(1e-4));
        assertThat(best.value()).isCloseTo(0, within(1e-7));
    }

    @Test
    void aMaximumOutsideTheBoxEndsOnItsBoundaryAndEveryCandidateStaysInside() {
        var ranked = optimize(new Bowl(new double[] {1.4, -0.2}, 1), new FeatureMap(SQUARE), Acquisition.ucb(0));
        assertThat(ranked.get(0).point()).containsExactly(1.0, 0.0);
        for (var c : ranked) {
            for (double u : c.point()) {
                assertThat(u).isBetween(0.0, 1.0);
            }
        }
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).value()).isLessThanOrEqualTo(ranked.get(i - 1).value());
        }
    }

    @Test
    void integerCoordinatesComeBackAsValidCells() {
        SearchSpace mixed = SearchSpace.of(new FloatParam("a", 0, 1, false), new IntParam("k", 1, 4, false));
        FeatureMap map = new FeatureMap(mixed);
        // The optimum of the relaxed problem (k code 0.45) is not a cell centre: rounding must snap it.
        var ranked = optimize(new Bowl(new double[] {0.6, 0.45}, 1), map, Acquisition.ucb(0));
        for (var c : ranked.subList(0, 20)) {
            assertThat(map.round(c.point())).containsExactly(c.point());
        }
        assertThat(mixed.decode(ranked.get(0).point()).get("k")).isEqualTo(2L);
        assertThat(ranked.get(0).point()[0]).isCloseTo(0.6, within(1e-4));
    }

    @Test
    void aPointTheModelAlreadyBelievesInIsNotProposedAgain() {
        // A GP on a few points, its LogEI maximizer x*; believing x* at its posterior mean (what the proposer
        // does for a pending trial) collapses the variance there, so the next maximizer moves away.
        double[][] x = {{0.1, 0.1}, {0.9, 0.2}, {0.5, 0.5}, {0.2, 0.8}, {0.8, 0.9}};
        double[] y = {1.0, 0.4, -0.6, 0.9, 0.1};
        GpModel gp = GpModel.fit(x, y, new GpHyperparameters(new double[] {0.3, 0.3}, 1, 1e-6, 0));
        FeatureMap map = new FeatureMap(SQUARE);
        double[] first = optimize(gp, map, Acquisition.logEi(-0.6)).get(0).point();
        GpModel believed = gp.condition(first, gp.posterior(first).mean());
        double[] second = optimize(believed, map, Acquisition.logEi(-0.6)).get(0).point();
        double distance = Math.hypot(first[0] - second[0], first[1] - second[1]);
        assertThat(distance).isGreaterThan(0.02);
        assertThat(believed.posterior(first).variance()).isLessThan(1e-4);
    }
}
