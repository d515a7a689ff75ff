package dev.tuneagent.tools.inprocess;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import java.util.Arrays;
import java.util.List;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.protos.core.EnsembleCombinerProto;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * The mean of the members' predictions. Works around Tribuo 4.3.2, whose
 * {@code AveragingCombiner.combine(info, predictions)} returns the last prediction instead of the mean
 * (the weighted overload is right), which made k-NN regression return one neighbour's value.
 */
final class UniformAveragingCombiner implements EnsembleCombiner<Regressor> {
    private static final long serialVersionUID = 1L;
    private final AveragingCombiner delegate = new AveragingCombiner();

    @Override
    public Prediction<Regressor> combine(ImmutableOutputInfo<Regressor> info, List<Prediction<Regressor>> predictions) {
        float[] ones = new float[predictions.size()];
        Arrays.fill(ones, 1f);
        return delegate.combine(info, predictions, ones);
    }

    @Override
    public Prediction<Regressor> combine(ImmutableOutputInfo<Regressor> info, List<Prediction<Regressor>> predictions,
                                         float[] weights) {
        return delegate.combine(info, predictions, weights);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return delegate.getProvenance();
    }

    @Override
    public EnsembleCombinerProto serialize() {
        return delegate.serialize();
    }

    @Override
    public Class<Regressor> getTypeWitness() {
        return Regressor.class;
    }
}
