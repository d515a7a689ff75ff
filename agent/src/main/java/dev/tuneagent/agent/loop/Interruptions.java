package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The resume rule. The budget counts trial numbers: a study is done when it holds {@code budget}
 * finished trials. A trial a crash or Ctrl-C cut short is kept as FAILED (its number stays, nothing is
 * rewritten) and its configuration is enqueued again as a WAITING trial with the attributes
 * {@code {"source": "rerun", "rerun_of": N}}, so no proposal is lost and the study still ends with exactly
 * {@code budget} trials numbered 0..budget-1.
 *
 * <p>Which re-runs are missing is computed from those attributes each time a run starts, so a crash between
 * failing a trial and enqueueing its re-run is repaired by the next start, and nothing is enqueued twice.
 */
public final class Interruptions {
    public static final String FOUND_AT_RESUME = "interrupted (found RUNNING at resume)";
    public static final String BY_USER = "interrupted by user";

    private Interruptions() {
    }

    /** A trial stopped by a crash or by the user (the two messages this class writes), not by its job. */
    public static boolean isInterrupted(Trial t) {
        return t.state() == TrialState.FAILED && (FOUND_AT_RESUME.equals(t.message()) || BY_USER.equals(t.message()));
    }

    /**
     * The re-runs still to enqueue, oldest interrupted trial first, at most {@code room}: one per interrupted
     * trial that no trial names in {@code rerun_of}. Each keeps the original configuration and provenance,
     * with the tokens zeroed (the original trial already paid for them and counts them).
     */
    public static List<Proposal> missingReruns(StudySnapshot snapshot, int room) {
        Set<Integer> rerun = new HashSet<>(TrialAttrs.rerunTargets(snapshot.trials()));
        List<Proposal> out = new ArrayList<>();
        for (Trial t : snapshot.trials()) {
            if (out.size() >= room) {
                break;
            }
            if (isInterrupted(t) && !rerun.contains(t.number())) {
                Provenance p = t.provenance() == null ? Provenance.of("unknown", 0) : t.provenance();
                out.add(new Proposal(t.params(), p.withUsage(0, 0, 0.0),
                        TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_RERUN, TrialAttrs.RERUN_OF, t.number())));
            }
        }
        return out;
    }
}
