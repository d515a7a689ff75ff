package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer;
import dev.tuneagent.surrogate.gp.GpFitter;

/**
 * Knobs of the GP proposer.
 *
 * @param initialDesign number of Sobol points before the model takes over; 0 means automatic
 *                      ({@code max(5, 2 d)})
 * @param maxFitPoints  above this many observations the hyperparameters are fitted on a subset
 *                      (the best quarter plus a random rest) to bound the O(n^3) likelihood cost;
 *                      the posterior always conditions on every observation
 */
public record GpProposerSettings(int initialDesign, int maxFitPoints, GpFitter fitter,
                                 AcquisitionOptimizer acquisitionOptimizer) {

    public GpProposerSettings {
        if (initialDesign < 0) {
            throw new IllegalArgumentException("initialDesign must be >= 0 (0 = automatic), got " + initialDesign);
        }
        if (maxFitPoints < 10) {
            throw new IllegalArgumentException("maxFitPoints must be >= 10, got " + maxFitPoints);
        }
    }

    public static GpProposerSettings defaults() {
        return new GpProposerSettings(0, 160, GpFitter.defaults(), AcquisitionOptimizer.defaults());
    }

    public GpProposerSettings withInitialDesign(int size) {
        return new GpProposerSettings(size, maxFitPoints, fitter, acquisitionOptimizer);
    }

    public int initialDesignSize(int dimension) {
        return initialDesign > 0 ? initialDesign : Math.max(5, 2 * dimension);
    }
}
