package dev.tuneagent.surrogate.proposer;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.ProposerContract;

/** The shared proposer contract, run with the model active (a 3-point design) and with the default design. */
class GpProposerContractTest extends ProposerContract {
    @Override
    protected Proposer proposer() {
        return new GpProposer(GpProposerSettings.defaults().withInitialDesign(3));
    }
}
