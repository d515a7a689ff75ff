package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.agent.proposers.fakes.FakeChatModel;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.ProposerContract;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.prompts.card.DataCard;
import dev.tuneagent.surrogate.proposer.GpProposer;
import org.junit.jupiter.api.Nested;

/** Core's proposer contract, run against each LLM proposer with the real GP and Sobol behind a scripted model. */
class LlmProposerContractTest {

    static Proposer create(String name) {
        LlmDeps deps = new LlmDeps(FakeChatModel.llambo(), LlmSettings.defaults("openai:stand-in"),
                StudyBudget.unlimited(), DataCard.minimal("loss", Direction.MINIMIZE), new GpProposer(),
                new SobolProposer(), new GpEiScorer());
        return LlmProposers.create(name, deps).orElseThrow();
    }

    @Nested
    class Llambo extends ProposerContract {
        @Override
        protected Proposer proposer() {
            return create("llambo");
        }
    }

    @Nested
    class LlmSampler extends ProposerContract {
        @Override
        protected Proposer proposer() {
            return create("llm-sampler");
        }
    }

    @Nested
    class Hybrid extends ProposerContract {
        @Override
        protected Proposer proposer() {
            return create("hybrid");
        }
    }

    @Nested
    class LlmWarmstart extends ProposerContract {
        @Override
        protected Proposer proposer() {
            return create("llm-warmstart");
        }
    }

    @Nested
    class HybridWarmstart extends ProposerContract {
        @Override
        protected Proposer proposer() {
            return create("hybrid-warmstart");
        }
    }
}
