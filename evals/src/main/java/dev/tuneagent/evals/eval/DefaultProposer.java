package dev.tuneagent.evals.eval;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;
import java.util.Map;

/**
 * The pseudo-proposer {@code default}: the task's untuned configuration, evaluated once (its cell's study has a
 * budget of one trial and its curve stays flat). A good default is often what makes a tuner look strong or
 * weak, so it is one flag away.
 */
public final class DefaultProposer implements Proposer {
    public static final String NAME = "default";
    private final Map<String, Object> config;

    public DefaultProposer(Map<String, Object> config) {
        this.config = Map.copyOf(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        return snapshot.trials().isEmpty() ? List.of(new Proposal(config, Provenance.of(NAME, snapshot.proposalSeed())))
                : List.of();
    }
}
