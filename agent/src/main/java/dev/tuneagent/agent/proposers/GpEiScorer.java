package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.surrogate.acquisition.Acquisition;
import dev.tuneagent.surrogate.proposer.FittedGp;
import dev.tuneagent.surrogate.proposer.GpProposer;
import dev.tuneagent.surrogate.proposer.GpSurrogate;
import java.util.List;
import java.util.Map;

/**
 * The {@code hybrid} proposer's judge: log expected improvement of each candidate under exactly the
 * model the {@code gp} proposer fits ({@link GpSurrogate#fit}: warped losses, failed trials imputed,
 * pending trials believed, subsets for long studies). Log values, not EI: far from the incumbent EI
 * underflows to 0 and every candidate would tie. Deterministic given the snapshot. Throws
 * {@link IllegalStateException} with fewer than 2 completed trials.
 */
public final class GpEiScorer implements CandidateScorer {
    private final GpSurrogate gp;

    public GpEiScorer() {
        this(new GpSurrogate());
    }

    /** Scores with the model {@code gp} fits (its settings). */
    public GpEiScorer(GpProposer gp) {
        this(gp.surrogate());
    }

    public GpEiScorer(GpSurrogate gp) {
        this.gp = gp;
    }

    @Override
    public double[] score(StudySnapshot snapshot, List<Map<String, Object>> candidates) {
        FittedGp fitted = gp.fit(snapshot);
        return fitted.score(candidates, Acquisition.logEi(fitted.incumbent()));
    }
}
