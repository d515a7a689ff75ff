package dev.tuneagent.surrogate.bench;

import dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer;
import dev.tuneagent.surrogate.gp.GpFitter;
import dev.tuneagent.surrogate.proposer.GpProposerSettings;

/** Development-only: GP settings from -D flags, for the dev mains' experiments. */
final class DevSettings {
    private DevSettings() {
    }

    static GpProposerSettings fromSystemProperties() {
        GpProposerSettings d = GpProposerSettings.defaults();
        return new GpProposerSettings(Integer.getInteger("init", 0), Integer.getInteger("maxFit", d.maxFitPoints()),
                new GpFitter(Integer.getInteger("fitStarts", 2), Integer.getInteger("fitCandidates", 8),
                        Integer.getInteger("fitIter", 80), Integer.getInteger("singleFrom", 64)),
                new AcquisitionOptimizer(Integer.getInteger("sweep", 1024), Integer.getInteger("starts", 5),
                        Integer.getInteger("refineIter", 40)));
    }
}
