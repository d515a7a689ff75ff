package dev.tuneagent.agent.proposers;

import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.prompts.card.DataCard;

/**
 * What every LLM proposer needs: the model (any LangChain4j {@link ChatModel}: a provider, a
 * cassette replay or a test fake), its settings, the study's cap, the task's data card, and the
 * classical proposers behind it.
 *
 * @param gp     the GP proposer: first fallback, the start of {@code hybrid} and the source of {@code llm-warmstart}
 * @param sobol  the space-filling proposer: the start of {@code llm-sampler} and second fallback
 * @param scorer scores candidates by the GP's log expected improvement, for {@code hybrid} (may be null otherwise)
 */
public record LlmDeps(ChatModel model, LlmSettings settings, StudyBudget budget, DataCard card, Proposer gp,
                      Proposer sobol, CandidateScorer scorer) {

    public LlmDeps {
        if (model == null || settings == null || budget == null || card == null || gp == null || sobol == null) {
            throw new IllegalArgumentException("LLM proposers need a model, settings, a budget, a data card, gp and sobol");
        }
    }

    /** The card with the study's own metric and direction, so prompts and targets always agree. */
    DataCard card(StudySnapshot snapshot) {
        return card.withObjective(snapshot.study().metric(), snapshot.direction());
    }

    LlmSession session(StudySnapshot snapshot) {
        return new LlmSession(model, settings, budget, snapshot);
    }
}
