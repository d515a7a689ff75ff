package dev.tuneagent.surrogate.gp;

import java.util.random.RandomGenerator;

/** Chooses a GP's hyperparameters for some data ({@link GpFitter}'s MAP fit; tests pass their own). */
@FunctionalInterface
public interface HyperparameterFitter {
    GpHyperparameters fit(double[][] inputs, double[] outputs, HyperPriors priors, RandomGenerator rng);
}
