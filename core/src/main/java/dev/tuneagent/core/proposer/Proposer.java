package dev.tuneagent.core.proposer;

import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;

/**
 * Proposes configurations to evaluate next. The contract (tested by {@code ProposerContract}):
 * every proposal is inside the space, the same snapshot gives the same proposals (randomness comes
 * only from {@link StudySnapshot#proposalSeed()}), the n proposals are distinct from each other and
 * from pending trials, and a proposer never throws for an empty, all-failed or odd history.
 */
public interface Proposer {

    /** The name used in task files, provenance and reports, e.g. {@code sobol}. */
    String name();

    List<Proposal> propose(StudySnapshot snapshot, int n);

    /**
     * Configurations to enqueue once, before the first proposal of a study (e.g. an LLM's warm-start
     * design). The loop asks only while the study has no trial and stores the answer as WAITING trials, so
     * a resumed study evaluates the same design without asking again. Most proposers have none.
     */
    default List<Proposal> initialDesign(StudySnapshot snapshot) {
        return List.of();
    }
}
