package dev.tuneagent.evals.bench;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;
import java.util.Map;

/** Proposes the i-th listed configuration for trial i (cycling): a fake whose curve is known in advance. */
final class FixedSequenceProposer implements Proposer {
    private final List<Map<String, Object>> configs;

    FixedSequenceProposer(List<Map<String, Object>> configs) {
        this.configs = List.copyOf(configs);
    }

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        Map<String, Object> c = configs.get(snapshot.trials().size() % configs.size());
        return List.of(new Proposal(c, Provenance.of("fixed", snapshot.proposalSeed())));
    }
}
