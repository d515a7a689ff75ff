package dev.tuneagent.surrogate.acquisition;

import dev.tuneagent.core.task.GpSpec;

/**
 * An acquisition of a Gaussian belief {@code N(mean, sd^2)} about a loss being minimized: larger is better,
 * with its derivatives for gradient ascent. The optimizer maximizes {@link #valueAndDerivatives}; what a
 * trial records for {@code explain} is {@link #name()} and {@link #reported(double)} of that value.
 */
public sealed interface Acquisition permits Acquisition.LogEi, Acquisition.Ucb, Acquisition.Pi {

    /** Returns {@code [value, dvalue/dmean, dvalue/dsd]}; needs {@code sd > 0}. */
    double[] valueAndDerivatives(double mean, double sd);

    /** The value alone, also defined for {@code sd = 0} (a point the model has no doubt about). */
    double value(double mean, double sd);

    /** The task file's name of this acquisition ({@code logei}, {@code ucb}, {@code pi}). */
    String name();

    /** The optimized value as a user reads it (PI is optimized in log space but reported as a probability). */
    default double reported(double value) {
        return value;
    }

    /** The acquisition a {@code gp:} section names, over the incumbent {@code best} (the lowest loss seen). */
    static Acquisition of(GpSpec spec, double best) {
        return switch (spec.acquisition()) {
            case GpSpec.UCB -> new Ucb(spec.beta());
            case GpSpec.PI -> new Pi(best);
            default -> new LogEi(best);
        };
    }

    /** log EI over the incumbent {@code best} for a loss being minimized. */
    static Acquisition logEi(double best) {
        return new LogEi(best);
    }

    /** UCB on the negated loss, {@code -mean + sqrt(beta) sd}. */
    static Acquisition ucb(double beta) {
        return new Ucb(beta);
    }

    /** Log expected improvement (Ament et al. 2023): finite where EI underflows, so far points still rank. */
    record LogEi(double best) implements Acquisition {
        @Override
        public double[] valueAndDerivatives(double mean, double sd) {
            return Acquisitions.logExpectedImprovementWithDerivatives(mean, sd, best);
        }

        @Override
        public double value(double mean, double sd) {
            return Acquisitions.logExpectedImprovement(mean, sd, best);
        }

        @Override
        public String name() {
            return GpSpec.LOG_EI;
        }
    }

    /** Upper confidence bound on the negated loss, {@code -mean + sqrt(beta) sd}. */
    record Ucb(double beta) implements Acquisition {
        public Ucb {
            if (!(beta >= 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("beta must be a finite number >= 0, got " + beta);
            }
        }

        @Override
        public double[] valueAndDerivatives(double mean, double sd) {
            double k = Math.sqrt(beta);
            return new double[] {-mean + k * sd, -1, k};
        }

        @Override
        public double value(double mean, double sd) {
            return Acquisitions.upperConfidenceBound(mean, sd, beta);
        }

        @Override
        public String name() {
            return GpSpec.UCB;
        }
    }

    /**
     * Probability of improvement over {@code best}. Maximized as log PI (same maximizer; PI itself is flat
     * at 0 far from the incumbent, which would leave the gradient nothing to follow), reported as PI.
     */
    record Pi(double best) implements Acquisition {
        @Override
        public double[] valueAndDerivatives(double mean, double sd) {
            return Acquisitions.logProbabilityOfImprovementWithDerivatives(mean, sd, best);
        }

        @Override
        public double value(double mean, double sd) {
            return Acquisitions.logProbabilityOfImprovement(mean, sd, best);
        }

        @Override
        public String name() {
            return GpSpec.PI;
        }

        @Override
        public double reported(double value) {
            return Math.exp(value);
        }
    }
}
