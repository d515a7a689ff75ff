package dev.tuneagent.tools.inprocess;

import org.tribuo.Output;
import org.tribuo.Trainer;

/** Builds a fresh, seeded Tribuo trainer for one trial (trainers carry RNG state, so never reuse one). */
@FunctionalInterface
public interface TrainerFactory<T extends Output<T>> {

    /** @param probabilities true when the objective needs class probabilities (log-loss) */
    Trainer<T> create(Hyper h, long seed, boolean probabilities);
}
