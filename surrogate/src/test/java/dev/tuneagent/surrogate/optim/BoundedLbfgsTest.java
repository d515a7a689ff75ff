package dev.tuneagent.surrogate.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {

    @Test
    void findsTheMinimumOfRosenbrock() {
        DifferentiableFunction rosen = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        var r = new BoundedLbfgs(8, 500, 1e-10, 0).minimize(rosen, new double[] {-1.2, 1}, new double[] {-5, -5},
                new double[] {5, 5});
        assertThat(r.point()[0]).isCloseTo(1, within(1e-4));
        assertThat(r.point()[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void stopsOnTheBoundWhenTheUnconstrainedMinimumIsOutside() {
        DifferentiableFunction bowl = (x, g) -> {
            g[0] = 2 * (x[0] - 3);
            g[1] = 2 * (x[1] - 0.5);
            return (x[0] - 3) * (x[0] - 3) + (x[1] - 0.5) * (x[1] - 0.5);
        };
        var r = BoundedLbfgs.defaults(100).minimize(bowl, new double[] {0.2, 0.9}, new double[] {0, 0}, new double[] {1, 1});
        assertThat(r.point()[0]).isEqualTo(1.0);
        assertThat(r.point()[1]).isCloseTo(0.5, within(1e-6));
    }
}
