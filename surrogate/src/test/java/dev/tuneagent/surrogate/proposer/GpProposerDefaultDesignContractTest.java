package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.ProposerContract;

/** The contract with the default settings, where short histories are still in the Sobol design. */
class GpProposerDefaultDesignContractTest extends ProposerContract {
    @Override
    protected Proposer proposer() {
        return new GpProposer();
    }
}
