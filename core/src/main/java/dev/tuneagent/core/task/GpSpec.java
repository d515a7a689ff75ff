package dev.tuneagent.core.task;

import java.util.List;

/**
 * The {@code gp:} section of a task file: which acquisition the Gaussian-process proposer maximizes.
 * A value object (checked in the constructor) so that code building a proposer by hand gets the same
 * guarantees as a task file; {@link GpSection} turns bad input into path-named messages first.
 *
 * @param acquisition {@code logei} (log expected improvement, the default), {@code ucb} (upper confidence
 *                    bound on the negated loss) or {@code pi} (probability of improvement)
 * @param beta        UCB's exploration weight: the bound is {@code -mean + sqrt(beta) sd} on the model's
 *                    standardized scale; set for {@code ucb} only ({@link #DEFAULT_BETA} when not given)
 */
public record GpSpec(String acquisition, Double beta) {
    public static final String LOG_EI = "logei";
    public static final String UCB = "ucb";
    public static final String PI = "pi";
    public static final List<String> ACQUISITIONS = List.of(LOG_EI, UCB, PI);
    /** sqrt(4) = 2 posterior standard deviations, about a 95% one-sided bound (GPyOpt's default weight of 2). */
    public static final double DEFAULT_BETA = 4.0;

    public GpSpec {
        if (!ACQUISITIONS.contains(acquisition)) {
            throw new IllegalArgumentException("acquisition must be one of " + ACQUISITIONS + ", got " + acquisition);
        }
        if (UCB.equals(acquisition)) {
            beta = beta == null ? DEFAULT_BETA : beta;
            if (!(beta >= 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("beta must be a finite number >= 0, got " + beta);
            }
        } else if (beta != null) {
            throw new IllegalArgumentException("beta applies only to acquisition ucb, not " + acquisition);
        }
    }

    /** Log expected improvement, what {@code gp} uses when the task file has no {@code gp:} section. */
    public static GpSpec defaults() {
        return new GpSpec(LOG_EI, null);
    }

    public static GpSpec ucb(double beta) {
        return new GpSpec(UCB, beta);
    }
}
