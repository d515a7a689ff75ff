package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.surrogate.acquisition.Acquisition;
import dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import dev.tuneagent.surrogate.gp.GpFitter;
import dev.tuneagent.surrogate.gp.GpHyperparameters;
import dev.tuneagent.surrogate.gp.GpModel;
import dev.tuneagent.surrogate.gp.HyperPriors;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimization with a GP and log expected improvement ({@code gp}). A shifted-Sobol
 * initial design comes first; then each call fits a Matérn-5/2 ARD GP by MAP on the warped losses
 * (failed trials imputed with the worst value), and maximizes LogEI. Pending trials and the
 * earlier points of the same batch enter the model with their posterior mean as a fake
 * observation (kriging believer), which shrinks the variance there so a batch spreads out.
 * Stateless: everything derives from the snapshot and {@link StudySnapshot#proposalSeed()} (the
 * design's shift from the study seed, so the design continues coherently across calls).
 */
public final class GpProposer implements Proposer {
    public static final String NAME = "gp";
    private static final long SALT_DESIGN = 0x5D0B01L;
    private static final long SALT_FIT = 0xF17L;
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
        Taken taken = new Taken();
        for (Trial t : snapshot.trials()) {
            if (TrainingSet.encodable(snapshot, t)) {
                double[] u = map.round(space.encode(t.params()));
                if (t.isPending()) {
                    taken.pending.add(u);
                } else {
                    taken.finished.add(u);
                }
            }
        }
        TrainingSet data = TrainingSet.from(snapshot, map);
        List<double[]> chosen;
        if (data.completedCount() < 2 || snapshot.trials().size() < settings.initialDesignSize(space.dimension())) {
            chosen = design(snapshot, map, n, taken);
        } else {
            chosen = model(data, map, n, taken, seed);
        }
        List<Proposal> out = new ArrayList<>();
        for (double[] u : chosen) {
            out.add(new Proposal(space.decode(u), provenance));
        }
        return out;
    }

    private List<double[]> design(StudySnapshot snapshot, FeatureMap map, int n, Taken taken) {
        int d = map.dimension();
        ShiftedSobol sobol = new ShiftedSobol(d, Seeds.rng(snapshot.study().seed(), SALT_DESIGN),
                Seeds.mix(snapshot.study().seed(), SALT_DESIGN));
        RandomGenerator rng = Seeds.rng(snapshot.proposalSeed(), SALT_DESIGN);
        List<double[]> out = new ArrayList<>();
        long index = snapshot.trials().size();
        for (int k = 0; k < n; k++) {
            double[] u = null;
            for (int attempt = 0; attempt < 64 && u == null; attempt++) {
                double[] c = map.round(sobol.point(index++));
                if (taken.isFree(c, true)) {
                    u = c;
                }
            }
            if (u == null) {
                u = taken.randomFree(map, rng);
            }
            taken.pending.add(u);
            out.add(u);
        }
        return out;
    }

    private List<double[]> model(TrainingSet data, FeatureMap map, int n, Taken taken, long seed) {
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
        GpModel model = GpModel.fit(x, y, hyper);
        for (double[] u : taken.pending) {
            double[] f = map.features(u);
            model = model.condition(f, model.posterior(f).mean());
        }
        RandomGenerator rng = Seeds.rng(seed, SALT_ACQ);
        Acquisition acq = Acquisition.logEi(data.best());
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<AcquisitionOptimizer.Candidate> ranked =
                    settings.acquisitionOptimizer().optimize(model, map, acq, data.anchorsBestFirst(), rng);
            double[] u = null;
            for (AcquisitionOptimizer.Candidate c : ranked) {
                if (taken.isFree(c.point(), true)) {
                    u = c.point();
                    break;
                }
            }
            if (u == null) {
                u = taken.randomFree(map, rng);
            }
            taken.pending.add(u);
            out.add(u);
            if (k + 1 < n) {
                double[] f = map.features(u);
                model = model.condition(f, model.posterior(f).mean());
            }
        }
        return out;
    }

    /** Unit-cube codes already used: pending ones must never be repeated, finished ones preferably not. */
    private static final class Taken {
        final List<double[]> pending = new ArrayList<>();
        final List<double[]> finished = new ArrayList<>();

        boolean isFree(double[] u, boolean avoidFinished) {
            for (double[] p : pending) {
                if (same(p, u)) {
                    return false;
                }
            }
            if (avoidFinished) {
                for (double[] p : finished) {
                    if (same(p, u)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** A random point not pending (nor finished if possible); in an exhausted tiny space, any point. */
        double[] randomFree(FeatureMap map, RandomGenerator rng) {
            double[] u = null;
            for (int attempt = 0; attempt < 2000; attempt++) {
                u = new double[map.dimension()];
                for (int i = 0; i < u.length; i++) {
                    u[i] = rng.nextDouble();
                }
                u = map.round(u);
                if (isFree(u, attempt < 1000)) {
                    return u;
                }
            }
            return u;
        }

        private static boolean same(double[] a, double[] b) {
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > 1e-9) {
                    return false;
                }
            }
            return true;
        }
    }
}
