package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.gp.GpHyperparameters;
import dev.tuneagent.surrogate.gp.GpModel;
import dev.tuneagent.surrogate.gp.HyperPriors;
import java.util.random.RandomGenerator;

/**
 * The GP as a reusable surrogate: {@link #fit(StudySnapshot)} is the one place a study's history becomes a
 * model. The {@code gp} proposer maximizes an acquisition of it; the {@code hybrid} proposer's scorer ranks
 * a language model's candidates with it; both therefore see the same warping, failed-trial imputation,
 * subsets for long studies, hyperparameters and pending-trial believer. Deterministic given the snapshot
 * (the hyperparameter fit's randomness comes from {@link StudySnapshot#proposalSeed()}).
 */
public final class GpSurrogate {
    static final long SALT_FIT = 0xF17L;
    /**
     * Exact inference is O(n^3) once and O(n^2) per scored candidate: beyond this many observations the
     * posterior conditions on the best quarter plus a random rest of them.
     */
    static final int MAX_MODEL_POINTS = 1000;

    private final GpProposerSettings settings;

    public GpSurrogate() {
        this(GpProposerSettings.defaults());
    }

    public GpSurrogate(GpProposerSettings settings) {
        this.settings = settings;
    }

    public GpProposerSettings settings() {
        return settings;
    }

    /** Completed trials whose parameters still fit the space: the GP needs 2 of them to fit anything. */
    public static int usableCompleted(StudySnapshot snapshot) {
        return (int) snapshot.completed().stream().filter(t -> TrainingSet.encodable(snapshot, t)).count();
    }

    /**
     * Fits the GP to every finished trial of the snapshot and believes its pending ones at their posterior
     * mean (kriging believer). Throws {@link IllegalStateException} with fewer than 2 usable completed
     * trials; numeric failures surface as whatever the linear algebra threw.
     */
    public FittedGp fit(StudySnapshot snapshot) {
        FeatureMap map = new FeatureMap(snapshot.space());
        TrainingSet data = TrainingSet.from(snapshot, map);
        if (data.completedCount() < 2) {
            throw new IllegalStateException("the GP needs at least 2 completed trials, got " + data.completedCount());
        }
        SearchSpace space = map.space();
        int rows = data.points().size();
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = map.features(data.points().get(i));
        }
        double[] y = data.targets();
        HyperPriors priors = HyperPriors.forDimension(map.featureCount());
        RandomGenerator fitRng = Seeds.rng(snapshot.proposalSeed(), SALT_FIT);
        FitSubset subset = FitSubset.choose(x, y, settings.maxFitPoints(), fitRng);
        GpHyperparameters hyper = settings.fitter().fit(subset.x(), subset.y(), priors, fitRng);
        FitSubset modelSet = FitSubset.choose(x, y, MAX_MODEL_POINTS, fitRng);
        GpModel model = GpModel.fit(modelSet.x(), modelSet.y(), hyper);
        for (Trial t : snapshot.pending()) {
            if (TrainingSet.encodable(snapshot, t)) {
                double[] f = map.features(map.round(space.encode(t.params())));
                model = model.condition(f, model.posterior(f).mean());
            }
        }
        return new FittedGp(model, map, data.best(), data.anchorsBestFirst());
    }
}
