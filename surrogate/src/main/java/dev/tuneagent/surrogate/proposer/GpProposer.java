package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.SeenConfigs;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.surrogate.acquisition.Acquisition;
import dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer;
import dev.tuneagent.surrogate.acquisition.Acquisitions;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.gp.GpHyperparameters;
import dev.tuneagent.surrogate.gp.GpModel;
import dev.tuneagent.surrogate.gp.HyperPriors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimization with a GP and log expected improvement ({@code gp}). A scrambled Sobol
 * initial design (core's {@link SobolProposer}) comes first; then each call fits a Matérn-5/2 ARD GP by MAP on the warped losses
 * (failed trials imputed with the worst value), and maximizes LogEI. Pending trials and the
 * earlier points of the same batch enter the model with their posterior mean as a fake
 * observation (kriging believer), which shrinks the variance there so a batch spreads out.
 * Stateless: everything derives from the snapshot and {@link StudySnapshot#proposalSeed()} (the
 * Sobol design's scrambling from the study seed, so the design continues coherently across calls).
 * Proposals never repeat a configuration of any trial or of the batch; an exhausted finite space
 * gives fewer proposals. Should the numerics still fail on some pathological history, the call
 * answers with Sobol points and says so in the provenance's fallback rather than throwing.
 */
public final class GpProposer implements Proposer {
    public static final String NAME = "gp";
    private static final long SALT_FIT = 0xF17L;
    static final int MAX_MODEL_POINTS = 1000;
    private static final long SALT_ACQ = 0xACCL;

    private final GpProposerSettings settings;

    public GpProposer() {
        this(GpProposerSettings.defaults());
    }

    public GpProposer(GpProposerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of proposals must be >= 0, got " + n);
        }
        if (n == 0) {
            return List.of();
        }
        SearchSpace space = snapshot.space();
        FeatureMap map = new FeatureMap(space);
        long seed = snapshot.proposalSeed();
        Provenance provenance = Provenance.of(NAME, seed);
        TrainingSet data = TrainingSet.from(snapshot, map);
        if (data.completedCount() < 2 || snapshot.trials().size() < settings.initialDesignSize(space.dimension())) {
            // The initial design is core's scrambled Sobol sequence, continued at the study's trial count.
            return new SobolProposer().propose(snapshot, n).stream()
                    .map(p -> new Proposal(p.params(), provenance)).toList();
        }
        SeenConfigs seen = SeenConfigs.of(snapshot);
        List<Map<String, Object>> chosen;
        try {
            chosen = model(snapshot, data, map, n, seen, seed);
        } catch (RuntimeException e) {
            String reason = "sobol: the GP failed on this history (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")";
            return new SobolProposer().propose(snapshot, n).stream()
                    .map(p -> new Proposal(p.params(), provenance.withFallback(reason))).toList();
        }
        List<Proposal> out = new ArrayList<>();
        for (Map<String, Object> config : chosen) {
            out.add(new Proposal(config, provenance));
        }
        return out;
    }

    /**
     * Log expected improvement of each candidate under the model this proposer would fit to the
     * snapshot (same warping, failed-trial imputation, subsets, hyperparameters and pending-trial
     * believer). Used to rank configurations proposed by someone else, e.g. a language model. Log
     * values keep their order far from the incumbent, where plain EI underflows to 0 and ties.
     * Throws {@link IllegalStateException} with fewer than 2 completed trials.
     */
    public double[] logExpectedImprovement(StudySnapshot snapshot, List<Map<String, Object>> candidates) {
        FeatureMap map = new FeatureMap(snapshot.space());
        TrainingSet data = TrainingSet.from(snapshot, map);
        if (data.completedCount() < 2) {
            throw new IllegalStateException("the GP needs at least 2 completed trials, got " + data.completedCount());
        }
        GpModel model = fit(snapshot, data, map, snapshot.proposalSeed());
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            double[] f = map.features(map.round(snapshot.space().encode(candidates.get(i))));
            var p = model.posterior(f);
            out[i] = Acquisitions.logExpectedImprovement(p.mean(), p.sd(), data.best());
        }
        return out;
    }

    private GpModel fit(StudySnapshot snapshot, TrainingSet data, FeatureMap map, long seed) {
        SearchSpace space = map.space();
        int rows = data.points().size();
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = map.features(data.points().get(i));
        }
        double[] y = data.targets();
        HyperPriors priors = HyperPriors.forDimension(map.featureCount());
        RandomGenerator fitRng = Seeds.rng(seed, SALT_FIT);
        FitSubset subset = FitSubset.choose(x, y, settings.maxFitPoints(), fitRng);
        GpHyperparameters hyper = settings.fitter().fit(subset.x(), subset.y(), priors, fitRng);
        // Exact inference is O(n^3) once and O(n^2) per scored candidate: beyond MAX_MODEL_POINTS
        // observations the posterior conditions on the best quarter plus a random rest of them.
        FitSubset modelSet = FitSubset.choose(x, y, MAX_MODEL_POINTS, fitRng);
        GpModel model = GpModel.fit(modelSet.x(), modelSet.y(), hyper);
        for (Trial t : snapshot.pending()) {
            if (TrainingSet.encodable(snapshot, t)) {
                double[] f = map.features(map.round(space.encode(t.params())));
                model = model.condition(f, model.posterior(f).mean());
            }
        }
        return model;
    }

    private List<Map<String, Object>> model(StudySnapshot snapshot, TrainingSet data, FeatureMap map, int n,
                                            SeenConfigs seen, long seed) {
        SearchSpace space = map.space();
        GpModel model = fit(snapshot, data, map, seed);
        RandomGenerator rng = Seeds.rng(seed, SALT_ACQ);
        Acquisition acq = Acquisition.logEi(data.best());
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<AcquisitionOptimizer.Candidate> ranked =
                    settings.acquisitionOptimizer().optimize(model, map, acq, data.anchorsBestFirst(), rng);
            Map<String, Object> config = null;
            for (AcquisitionOptimizer.Candidate c : ranked) {
                Map<String, Object> candidate = space.decode(c.point());
                if (seen.add(candidate)) {
                    config = candidate;
                    break;
                }
            }
            if (config == null) {
                config = fresh(map, seen, rng);
            }
            if (config == null) {
                break; // a finite space with nothing left: fewer proposals rather than repeats
            }
            out.add(config);
            if (k + 1 < n) {
                double[] f = map.features(map.round(space.encode(config)));
                model = model.condition(f, model.posterior(f).mean());
            }
        }
        return out;
    }

    /**
     * A configuration nobody has tried when every scored candidate was taken (a small discrete space):
     * random draws first, then the enumeration of the unseen rest of a finite space; null if none is left.
     */
    private static Map<String, Object> fresh(FeatureMap map, SeenConfigs seen, RandomGenerator rng) {
        for (int attempt = 0; attempt < 256; attempt++) {
            double[] u = new double[map.dimension()];
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextDouble();
            }
            Map<String, Object> config = map.space().decode(u);
            if (seen.add(config)) {
                return config;
            }
        }
        List<Map<String, Object>> rest = seen.unseen().orElse(List.of());
        if (rest.isEmpty()) {
            return null;
        }
        Map<String, Object> config = rest.get(rng.nextInt(rest.size()));
        seen.add(config);
        return config;
    }
}
