package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.task.GpSpec;
import dev.tuneagent.surrogate.acquisition.Acquisition;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.gp.GpModel;
import dev.tuneagent.surrogate.model.Posterior;
import dev.tuneagent.surrogate.model.Surrogate;
import java.util.List;
import java.util.Map;

/**
 * A GP fitted to one snapshot (see {@link GpSurrogate#fit}): the model over feature vectors, the encoding
 * that maps configurations to them, the incumbent (lowest warped loss) and the observed points best first.
 * Immutable; {@link #believe} returns a new one.
 */
public final class FittedGp {
    private final GpModel model;
    private final FeatureMap map;
    private final double best;
    private final List<double[]> anchorsBestFirst;

    FittedGp(GpModel model, FeatureMap map, double best, List<double[]> anchorsBestFirst) {
        this.model = model;
        this.map = map;
        this.best = best;
        this.anchorsBestFirst = anchorsBestFirst;
    }

    public Surrogate model() {
        return model;
    }

    public FeatureMap features() {
        return map;
    }

    /** The lowest warped loss observed: what improvement is measured against. */
    public double incumbent() {
        return best;
    }

    /** Observed points (unit-cube codes), best first, for local search around them. */
    public List<double[]> anchorsBestFirst() {
        return anchorsBestFirst;
    }

    /** The acquisition a {@code gp:} section names, over this model's incumbent. */
    public Acquisition acquisition(GpSpec spec) {
        return Acquisition.of(spec, best);
    }

    /** The model's belief about a configuration of the space (rounded to a valid value first). */
    public Posterior posterior(Map<String, Object> config) {
        return model.posterior(featuresOf(config));
    }

    /**
     * {@code acquisition} at each configuration, larger is better. Log acquisitions keep their order far from
     * the incumbent, where plain EI underflows to 0 and every candidate would tie.
     */
    public double[] score(List<Map<String, Object>> configs, Acquisition acquisition) {
        double[] out = new double[configs.size()];
        for (int i = 0; i < out.length; i++) {
            Posterior p = posterior(configs.get(i));
            out[i] = acquisition.value(p.mean(), p.sd());
        }
        return out;
    }

    /**
     * This model with {@code config} observed at its own posterior mean (kriging believer): the variance
     * there collapses, so the next point of a batch goes elsewhere. Hyperparameters are kept.
     */
    public FittedGp believe(Map<String, Object> config) {
        double[] f = featuresOf(config);
        return new FittedGp(model.condition(f, model.posterior(f).mean()), map, best, anchorsBestFirst);
    }

    private double[] featuresOf(Map<String, Object> config) {
        return map.features(map.round(map.space().encode(config)));
    }
}
