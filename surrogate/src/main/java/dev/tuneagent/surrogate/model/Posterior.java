package dev.tuneagent.surrogate.model;

/** A model's belief at one point: mean and variance of the latent function (no observation noise). */
public record Posterior(double mean, double variance) {
    public double sd() {
        return Math.sqrt(variance);
    }
}
