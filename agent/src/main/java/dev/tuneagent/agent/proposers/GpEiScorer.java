package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.surrogate.acquisition.Acquisitions;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.gp.GpFitter;
import dev.tuneagent.surrogate.gp.GpHyperparameters;
import dev.tuneagent.surrogate.gp.GpModel;
import dev.tuneagent.surrogate.gp.HyperPriors;
import dev.tuneagent.surrogate.gp.OutputWarping;
import dev.tuneagent.surrogate.gp.Posterior;
import java.util.List;
import java.util.Map;

/**
 * The {@code hybrid} proposer's judge: the same GP as the {@code gp} proposer (Matérn-5/2 ARD, MAP
 * hyperparameters, warped losses, one-hot features) fitted to the completed trials, and expected
 * improvement of each candidate over the best warped loss. Deterministic given the snapshot.
 */
public final class GpEiScorer implements CandidateScorer {
    private static final long SALT_FIT = 0x4EB1DL;
    private final GpFitter fitter;

    public GpEiScorer() {
        this(GpFitter.defaults());
    }

    public GpEiScorer(GpFitter fitter) {
        this.fitter = fitter;
    }

    @Override
    public double[] score(StudySnapshot snapshot, List<Map<String, Object>> candidates) {
        List<Trial> done = snapshot.completed();
        if (done.size() < 2) {
            throw new IllegalStateException("the GP needs at least 2 completed trials, got " + done.size());
        }
        FeatureMap map = new FeatureMap(snapshot.space());
        double[][] x = new double[done.size()][];
        double[] losses = new double[done.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = map.features(map.round(snapshot.space().encode(done.get(i).params())));
            losses[i] = snapshot.direction().toLoss(done.get(i).value());
        }
        double[] y = OutputWarping.warp(losses);
        double best = Double.POSITIVE_INFINITY;
        for (double v : y) {
            best = Math.min(best, v);
        }
        GpHyperparameters hyper = fitter.fit(x, y, HyperPriors.forDimension(map.featureCount()),
                Seeds.rng(snapshot.proposalSeed(), SALT_FIT));
        GpModel model = GpModel.fit(x, y, hyper);
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            Posterior p = model.posterior(map.features(map.round(snapshot.space().encode(candidates.get(i)))));
            out[i] = Acquisitions.expectedImprovement(p.mean(), p.sd(), best);
        }
        return out;
    }
}
