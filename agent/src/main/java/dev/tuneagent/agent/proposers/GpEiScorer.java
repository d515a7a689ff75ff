package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.util.List;
import java.util.Map;

/**
 * The {@code hybrid} proposer's judge: log expected improvement of each candidate under exactly the
 * model the {@code gp} proposer fits (warped losses, failed trials imputed, pending trials believed,
 * subsets for long studies). Log values, not EI: far from the incumbent EI underflows to 0 and every
 * candidate would tie. Deterministic given the snapshot.
 */
public final class GpEiScorer implements CandidateScorer {
    private final GpProposer gp;

    public GpEiScorer() {
        this(new GpProposer());
    }

    public GpEiScorer(GpProposer gp) {
        this.gp = gp;
    }

    @Override
    public double[] score(StudySnapshot snapshot, List<Map<String, Object>> candidates) {
        return gp.logExpectedImprovement(snapshot, candidates);
    }
}
