package dev.tuneagent.tools.inprocess;

import org.tribuo.Output;
import org.tribuo.Trainer;

/** Builds a fresh, seeded Tribuo trainer for one trial (trainers carry RNG state, so never reuse one). */
@FunctionalInterface
public interface TrainerFactory<T extends Output<T>> {

    Trainer<T> create(Hyper h, TrainContext context);
}
