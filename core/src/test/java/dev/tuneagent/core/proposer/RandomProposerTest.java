package dev.tuneagent.core.proposer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.study.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomProposerTest extends ProposerContract {
    @Override
    protected Proposer proposer() {
        return new RandomProposer();
    }

    @Test
    void theProposalSeedOfTheSnapshotIsRecordedAndDrivesTheDraws() {
        var empty = snapshot(space(), List.of());
        var oneMore = snapshot(space(), trials(space(), 0, 1, TrialState.COMPLETE));
        List<Proposal> a = proposer().propose(empty, 2);
        List<Proposal> b = proposer().propose(oneMore, 2);
        assertThat(a).allSatisfy(p -> assertThat(p.provenance().seed()).isEqualTo(empty.proposalSeed()));
        assertThat(a.get(0).params()).isNotEqualTo(b.get(0).params());
    }
}
