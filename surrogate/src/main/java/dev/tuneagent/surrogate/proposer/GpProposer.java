package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.SeenConfigs;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.surrogate.acquisition.Acquisition;
import dev.tuneagent.surrogate.acquisition.AcquisitionOptimizer;
import dev.tuneagent.surrogate.encoding.FeatureMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimization with a GP ({@code gp}): a scrambled Sobol initial design (core's
 * {@link SobolProposer}) comes first, unless the study was warm-started (trials with
 * {@code source=warmstart} are the design, as in LLAMBO); then each call fits the GP to the snapshot
 * ({@link GpSurrogate#fit}) and maximizes the acquisition of the task's {@code gp:} section (log EI by
 * default). Earlier points of the same batch are believed at their posterior mean, so a batch spreads out.
 * Stateless: everything derives from the snapshot and {@link StudySnapshot#proposalSeed()} (the Sobol
 * design's scrambling from the study seed, so the design continues coherently across calls). Proposals
 * never repeat a configuration of any trial or of the batch; an exhausted finite space gives fewer
 * proposals. Each modelled proposal carries {@link TrialAttrs#ACQUISITION}. Should the numerics fail on
 * some history, {@link GpModelException} is thrown: the caller's fallback chain decides what follows.
 */
public final class GpProposer implements Proposer {
    public static final String NAME = "gp";
    static final int MAX_MODEL_POINTS = GpSurrogate.MAX_MODEL_POINTS;
    private static final long SALT_ACQ = 0xACCL;

    private final GpProposerSettings settings;
    private final GpSurrogate surrogate;

    public GpProposer() {
        this(GpProposerSettings.defaults());
    }

    public GpProposer(GpProposerSettings settings) {
        this.settings = settings;
        this.surrogate = new GpSurrogate(settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The model this proposer fits, for whoever ranks candidates the same way (the hybrid scorer). */
    public GpSurrogate surrogate() {
        return surrogate;
    }

    /**
     * Whether the next proposal still belongs to the initial design: fewer than 2 usable completed trials
     * (nothing to model), or fewer than {@code max(5, 2d)} trials of any origin and no warm start. Trials
     * a language model designed ({@code source=warmstart}) replace the design; a user's enqueued ones
     * ({@code source=enqueue}) and re-runs count towards its size like any trial but do not end it.
     */
    public boolean inInitialDesign(StudySnapshot snapshot) {
        if (GpSurrogate.usableCompleted(snapshot) < 2) {
            return true;
        }
        boolean warmStarted = snapshot.trials().stream()
                .anyMatch(t -> TrialAttrs.is(t, TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART));
        return !warmStarted && snapshot.trials().size() < settings.initialDesignSize(snapshot.space().dimension());
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of proposals must be >= 0, got " + n);
        }
        if (n == 0) {
            return List.of();
        }
        Provenance provenance = Provenance.of(NAME, snapshot.proposalSeed());
        if (inInitialDesign(snapshot)) {
            // The initial design is core's scrambled Sobol sequence, continued at the study's trial count.
            return new SobolProposer().propose(snapshot, n).stream()
                    .map(p -> new Proposal(p.params(), provenance)).toList();
        }
        try {
            return model(snapshot, surrogate.fit(snapshot), n, provenance);
        } catch (RuntimeException e) {
            throw new GpModelException(snapshot.trials().size(), e);
        }
    }

    private List<Proposal> model(StudySnapshot snapshot, FittedGp fitted, int n, Provenance provenance) {
        FeatureMap map = fitted.features();
        SearchSpace space = map.space();
        SeenConfigs seen = SeenConfigs.of(snapshot);
        RandomGenerator rng = Seeds.rng(snapshot.proposalSeed(), SALT_ACQ);
        Acquisition acq = fitted.acquisition(settings.acquisition());
        List<Proposal> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<AcquisitionOptimizer.Candidate> ranked =
                    settings.acquisitionOptimizer().optimize(fitted.model(), map, acq, fitted.anchorsBestFirst(), rng);
            Map<String, Object> config = null;
            double value = Double.NaN;
            for (AcquisitionOptimizer.Candidate c : ranked) {
                Map<String, Object> candidate = space.decode(c.point());
                if (seen.add(candidate)) {
                    config = candidate;
                    value = c.value();
                    break;
                }
            }
            if (config == null) {
                config = fresh(map, seen, rng);
                if (config != null) {
                    value = AcquisitionOptimizer.score(fitted.model(), map, acq, map.round(space.encode(config))).value();
                }
            }
            if (config == null) {
                break; // a finite space with nothing left: fewer proposals rather than repeats
            }
            out.add(new Proposal(config, provenance, TrialAttrs.of(TrialAttrs.ACQUISITION, attr(acq, value))));
            if (k + 1 < n) {
                fitted = fitted.believe(config);
            }
        }
        return out;
    }

    /** {@code {"name": "logei", "value": -1.23}}; a value that is not finite (no JSON number) is null. */
    private static Map<String, Object> attr(Acquisition acq, double value) {
        double shown = acq.reported(value);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", acq.name());
        m.put("value", Double.isFinite(shown) ? shown : null);
        return m;
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
