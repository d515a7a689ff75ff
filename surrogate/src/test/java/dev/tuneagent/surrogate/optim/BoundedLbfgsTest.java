package dev.tuneagent.surrogate.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {
    private static final double[] WIDE_LO = {-5, -5};
    private static final double[] WIDE_HI = {5, 5};

    private static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    /** Counts calls and checks that the optimizer never asks for a point outside the box. */
    private static DifferentiableFunction watched(DifferentiableFunction f, AtomicInteger calls, double[] lo, double[] hi) {
        return (x, g) -> {
            calls.incrementAndGet();
            for (int i = 0; i < x.length; i++) {
                assertThat(x[i]).as("coordinate %d of an evaluated point", i).isBetween(lo[i], hi[i]);
            }
            return f.valueAndGradient(x, g);
        };
    }

    @Test
    void findsTheMinimumOfRosenbrock() {
        var r = new BoundedLbfgs(8, 500, 1e-10, 0).minimize(ROSENBROCK, new double[] {-1.2, 1}, WIDE_LO, WIDE_HI);
        assertThat(r.point()[0]).isCloseTo(1, within(1e-4));
        assertThat(r.point()[1]).isCloseTo(1, within(1e-4));
        assertThat(r.stop()).isIn(BoundedLbfgs.Stop.GRADIENT, BoundedLbfgs.Stop.LINE_SEARCH);
    }

    @Test
    void stopsOnTheBoundWhenTheUnconstrainedMinimumIsOutside() {
        DifferentiableFunction bowl = (x, g) -> {
            g[0] = 2 * (x[0] - 3);
            g[1] = 2 * (x[1] - 0.5);
            return (x[0] - 3) * (x[0] - 3) + (x[1] - 0.5) * (x[1] - 0.5);
        };
        double[] lo = {0, 0};
        double[] hi = {1, 1};
        AtomicInteger calls = new AtomicInteger();
        var r = BoundedLbfgs.defaults(100).minimize(watched(bowl, calls, lo, hi), new double[] {0.2, 0.9}, lo, hi);
        assertThat(r.point()[0]).isEqualTo(1.0);
        assertThat(r.point()[1]).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void aStartOutsideTheBoxIsProjectedIntoIt() {
        AtomicInteger calls = new AtomicInteger();
        var r = BoundedLbfgs.defaults(200).minimize(watched(ROSENBROCK, calls, WIDE_LO, WIDE_HI),
                new double[] {-40, Double.NaN}, WIDE_LO, WIDE_HI);
        assertThat(r.point()[0]).isBetween(-5.0, 5.0);
        assertThat(r.value()).isLessThan(ROSENBROCK.valueAndGradient(new double[] {-5, -5}, new double[2]));
    }

    @Test
    void aNaNDuringTheLineSearchIsBackedOffFromAndNeverReturned() {
        // A quartic bowl at x = 2 with a hole of NaN around x = -3 (think of a likelihood whose factorization
        // failed there). From x = -4 the first step is one unit long (1/|g| times the gradient) and lands in
        // the hole; the search must back off to a finite point and still reach the minimum.
        AtomicInteger nans = new AtomicInteger();
        DifferentiableFunction f = (x, g) -> {
            double v = Math.abs(x[0] + 3) < 0.2 ? Double.NaN : (x[0] - 2) * (x[0] - 2) * (1 + 0.1 * (x[0] - 2) * (x[0] - 2));
            if (Double.isNaN(v)) {
                nans.incrementAndGet();
                g[0] = Double.NaN;
                return v;
            }
            double u = x[0] - 2;
            g[0] = 2 * u + 0.4 * u * u * u;
            return v;
        };
        var r = BoundedLbfgs.defaults(100).minimize(f, new double[] {-4}, new double[] {-10}, new double[] {10});
        assertThat(nans.get()).as("NaN values met during the search").isPositive();
        assertThat(r.value()).isFinite();
        assertThat(r.point()[0]).isCloseTo(2, within(1e-4));
    }

    @Test
    void aNonFiniteStartStopsAtOnceWithTheProjectedStart() {
        DifferentiableFunction nan = (x, g) -> Double.NaN;
        var r = BoundedLbfgs.defaults(50).minimize(nan, new double[] {7}, new double[] {0}, new double[] {1});
        assertThat(r.stop()).isEqualTo(BoundedLbfgs.Stop.NON_FINITE_START);
        assertThat(r.evaluations()).isEqualTo(1);
        assertThat(r.point()).containsExactly(1.0);
    }

    @Test
    void theIterationLimitIsHonoured() {
        var r = new BoundedLbfgs(8, 3, 1e-12, 0).minimize(ROSENBROCK, new double[] {-1.2, 1}, WIDE_LO, WIDE_HI);
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.stop()).isEqualTo(BoundedLbfgs.Stop.MAX_ITERATIONS);
        assertThat(r.value()).isGreaterThan(1e-3); // far from converged: the limit, not the tolerance, stopped it
        var none = new BoundedLbfgs(8, 0, 1e-12, 0).minimize(ROSENBROCK, new double[] {-1.2, 1}, WIDE_LO, WIDE_HI);
        assertThat(none.evaluations()).isEqualTo(1);
        assertThat(none.point()).containsExactly(-1.2, 1.0);
    }

    @Test
    void theEvaluationLimitIsHonouredAndTheBestAcceptedPointReturned() {
        for (int limit : new int[] {1, 2, 7, 25}) {
            AtomicInteger calls = new AtomicInteger();
            var r = new BoundedLbfgs(8, 1000, limit, 1e-12, 0).minimize(watched(ROSENBROCK, calls, WIDE_LO, WIDE_HI),
                    new double[] {-1.2, 1}, WIDE_LO, WIDE_HI);
            assertThat(calls.get()).as("calls with a limit of %d", limit).isEqualTo(limit);
            assertThat(r.evaluations()).isEqualTo(limit);
            assertThat(r.stop()).isEqualTo(BoundedLbfgs.Stop.MAX_EVALUATIONS);
            assertThat(r.value()).isEqualTo(ROSENBROCK.valueAndGradient(r.point(), new double[2]));
            assertThat(r.value()).isLessThanOrEqualTo(24.2); // never worse than the start
        }
    }

    @Test
    void badLimitsAreProgrammingErrors() {
        assertThatThrownBy(() -> new BoundedLbfgs(8, 10, 0, 1e-6, 1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedLbfgs(0, 10, 1e-6, 1e-9)).isInstanceOf(IllegalArgumentException.class);
    }
}
