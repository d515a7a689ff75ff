package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.task.GpSpec;
import dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer;
import dev.tuneagent.surrogate.gp.GpFitter;
import dev.tuneagent.surrogate.gp.HyperparameterFitter;

/**
 * Knobs of the GP proposer.
 *
 * @param initialDesign number of Sobol points before the model takes over; 0 means automatic
 *                      ({@code max(5, 2 d)})
 * @param maxFitPoints  above this many observations the hyperparameters are fitted on a subset
 *                      (the best quarter plus a random rest) to bound the O(n^3) likelihood cost;
 *                      the posterior always conditions on every observation
 * @param acquisition   what the proposer maximizes (the task file's {@code gp:} section; log EI by default)
 */
public record GpProposerSettings(int initialDesign, int maxFitPoints, HyperparameterFitter fitter,
                                 AcquisitionOptimizer acquisitionOptimizer, GpSpec acquisition) {

    public GpProposerSettings {
        if (initialDesign < 0) {
            throw new IllegalArgumentException("initialDesign must be >= 0 (0 = automatic), got " + initialDesign);
        }
        if (maxFitPoints < 10) {
            throw new IllegalArgumentException("maxFitPoints must be >= 10, got " + maxFitPoints);
        }
        acquisition = acquisition == null ? GpSpec.defaults() : acquisition;
    }

    /** Settings with log expected improvement. */
    public GpProposerSettings(int initialDesign, int maxFitPoints, HyperparameterFitter fitter,
                              AcquisitionOptimizer acquisitionOptimizer) {
        this(initialDesign, maxFitPoints, fitter, acquisitionOptimizer, GpSpec.defaults());
    }

    public static GpProposerSettings defaults() {
        return new GpProposerSettings(0, 160, GpFitter.defaults(), AcquisitionOptimizer.defaults());
    }

    /** The defaults with the acquisition of a task file's {@code gp:} section (null: log EI). */
    public static GpProposerSettings of(GpSpec spec) {
        return defaults().withAcquisition(spec);
    }

    public GpProposerSettings withInitialDesign(int size) {
        return new GpProposerSettings(size, maxFitPoints, fitter, acquisitionOptimizer, acquisition);
    }

    public GpProposerSettings withAcquisition(GpSpec spec) {
        return new GpProposerSettings(initialDesign, maxFitPoints, fitter, acquisitionOptimizer, spec);
    }

    public GpProposerSettings withFitter(HyperparameterFitter f) {
        return new GpProposerSettings(initialDesign, maxFitPoints, f, acquisitionOptimizer, acquisition);
    }

    public int initialDesignSize(int dimension) {
        return initialDesign > 0 ? initialDesign : Math.max(5, 2 * dimension);
    }
}
