package dev.tuneagent.core.study;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.StudyStore;
import java.time.Clock;

/** Ask/tell over a store: the narrow API the optimizer loop and user code use. */
public final class Study {
    private final StudyStore store;
    private final String name;
    private final Clock clock;

    public Study(StudyStore store, String name, Clock clock) {
        this.store = store;
        this.name = name;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public StudySnapshot snapshot() {
        return store.snapshot(name);
    }

    /** Validates the proposal against the space and stores it as a RUNNING trial. */
    public Trial ask(Proposal proposal) {
        var space = store.findStudy(name).orElseThrow().space();
        var params = space.coerce(proposal.params());
        return store.startTrial(name, new Proposal(params, proposal.provenance(), proposal.attrs()), clock.instant());
    }

    public Trial tell(int number, TrialOutcome outcome) {
        return store.finishTrial(name, number, outcome, clock.instant());
    }
}
