package dev.tuneagent.surrogate.model;

/**
 * What an acquisition optimizer needs from a probabilistic model of the loss, and nothing more: the
 * Gaussian belief at a feature vector and its gradient there. The GP implements it; a test can pass a
 * closed-form function, so the optimizer is tested without fitting anything.
 */
public interface Surrogate {

    /** Length of the feature vectors this model reads. */
    int inputDimension();

    /** Belief about the (noise-free) loss at {@code point}. */
    Posterior posterior(double[] point);

    /**
     * The belief with its gradient in the input: writes d mean/dx into {@code dMean} and d variance/dx into
     * {@code dVariance} (both of length {@link #inputDimension()}).
     */
    Posterior posterior(double[] point, double[] dMean, double[] dVariance);
}
