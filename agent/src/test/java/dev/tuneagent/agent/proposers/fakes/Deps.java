package dev.tuneagent.agent.proposers.fakes;

import dev.langchain4j.model.chat.ChatModel;
import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.agent.proposers.CandidateScorer;
import dev.tuneagent.agent.proposers.LlmDeps;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.prompts.card.DataCard;
import java.util.List;
import java.util.Map;

/** Wiring for proposer tests: Halton stand-ins for gp and sobol, and a scorer that prefers points near the best. */
public final class Deps {
    public static final String MODEL = "openai:stand-in";
    public static final DataCard CARD = new DataCard("random forest", "accuracy", Direction.MAXIMIZE, "classification",
            3, 150L, List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), 0, 4, "species", null);

    private Deps() {
    }

    public static LlmDeps of(ChatModel model) {
        return of(model, LlmSettings.defaults(MODEL), StudyBudget.unlimited(), CARD);
    }

    public static LlmDeps of(ChatModel model, LlmSettings settings, StudyBudget budget, DataCard card) {
        return new LlmDeps(model, settings, budget, card, new HaltonProposer("gp", 0), new HaltonProposer("sobol", 500),
                nearBest());
    }

    /** Larger for candidates closer (in the unit cube) to the best trial: a deterministic stand-in for the GP's EI. */
    public static CandidateScorer nearBest() {
        return (snapshot, candidates) -> {
            Trial best = snapshot.best().orElseThrow();
            double[] b = snapshot.space().encode(best.params());
            double[] out = new double[candidates.size()];
            for (int i = 0; i < out.length; i++) {
                double[] u = snapshot.space().encode(candidates.get(i));
                double d = 0;
                for (int k = 0; k < u.length; k++) {
                    d += (u[k] - b[k]) * (u[k] - b[k]);
                }
                out[i] = -d;
            }
            return out;
        };
    }

    public static Map<String, Object> params(Trial t) {
        return t.params();
    }
}
