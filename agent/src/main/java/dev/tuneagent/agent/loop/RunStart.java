package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import java.time.Clock;
import java.util.List;

/**
 * What a run does to the queue before its first trial: enqueue the missing re-runs of interrupted trials
 * and, for a study that has not started, the proposer's initial design. Both are computed from what the
 * store holds (trial attributes), so running this twice, or after a crash half-way, enqueues nothing twice.
 */
final class RunStart {
    private RunStart() {
    }

    /** Trials that still may be added before the budget is spoken for (every trial ends up finished). */
    static int room(StudySnapshot snap) {
        return Math.max(0, snap.study().budget() - snap.trials().size());
    }

    static List<Trial> enqueueReruns(StudyStore store, String study, Clock clock) {
        StudySnapshot snap = store.snapshot(study);
        return Interruptions.missingReruns(snap, room(snap)).stream()
                .map(p -> store.enqueueTrial(study, p, clock.instant())).toList();
    }

    /**
     * A study has not started while every trial it holds is a configuration the user enqueued and nothing
     * has run: then the proposer's initial design is asked once and enqueued after the user's
     * configurations with {@code source=warmstart}. A resumed study never asks again: its design is stored.
     */
    static List<Trial> enqueueInitialDesign(StudyStore store, String study, Proposer proposer, Clock clock) {
        StudySnapshot snap = store.snapshot(study);
        boolean unstarted = snap.trials().stream().allMatch(t -> t.state() == TrialState.WAITING
                && TrialAttrs.is(t, TrialAttrs.SOURCE, TrialAttrs.SOURCE_USER));
        int room = room(snap);
        if (!unstarted || room == 0) {
            return List.of();
        }
        List<Proposal> design = proposer.initialDesign(snap);
        if (design == null) {
            return List.of();
        }
        // A design is proposer (maybe model) output: a configuration outside the space is left out, not stored.
        return design.stream().filter(p -> p != null && fits(snap, p)).limit(room)
                .map(p -> p.withAttrs(TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART)))
                .map(p -> store.enqueueTrial(study, p, clock.instant())).toList();
    }

    private static boolean fits(StudySnapshot snap, Proposal p) {
        try {
            snap.space().coerce(p.params());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
