package dev.tuneagent.agent.llambo;

import dev.tuneagent.agent.llm.usage.Prices;
import dev.tuneagent.prompts.llambo.PromptSettings;

/**
 * How the LLM proposers use the model; every count bounds the calls made per proposal.
 *
 * @param model           {@code provider:name}, recorded in provenance
 * @param prices          for cost estimates and the cost cap; null when unknown (cost counts as 0)
 * @param prompts         context level, reply format and history budget
 * @param alpha           LLAMBO's exploration factor for the sampler's target score (see TargetScore)
 * @param initialDesign   trials proposed by the warm start (or the initial design) before the sampler
 * @param templates       sampler calls per proposal, each with differently shuffled history rows
 * @param candidates      candidates each sampler call asks for
 * @param surrogateCalls  surrogate calls per proposal; their predictions give a mean and a spread
 * @param parseRetries    extra calls after an unusable reply, each telling the model what was wrong
 * @param shrinkRetries   times the history is halved after a context-length error
 */
public record LlmSettings(String model, Prices prices, PromptSettings prompts, double alpha, int initialDesign,
                          int templates, int candidates, int surrogateCalls, int parseRetries, int shrinkRetries) {

    public LlmSettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("LLM settings need the model's provider:name");
        }
        if (!(alpha >= -1 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [-1, 1], got " + alpha);
        }
        if (initialDesign < 1 || templates < 1 || candidates < 1 || surrogateCalls < 1 || parseRetries < 0
                || shrinkRetries < 0) {
            throw new IllegalArgumentException("LLM proposer counts must be positive (retries may be 0)");
        }
    }

    /** LLAMBO-like defaults kept small: 5 warm-start points, 2 sampler calls of 4 candidates, 2 surrogate calls. */
    public static LlmSettings defaults(String model) {
        return new LlmSettings(model, null, PromptSettings.defaults(), 0.1, 5, 2, 4, 2, 1, 2);
    }

    public LlmSettings withPrices(Prices p) {
        return new LlmSettings(model, p, prompts, alpha, initialDesign, templates, candidates, surrogateCalls,
                parseRetries, shrinkRetries);
    }

    public LlmSettings withPrompts(PromptSettings p) {
        return new LlmSettings(model, prices, p, alpha, initialDesign, templates, candidates, surrogateCalls,
                parseRetries, shrinkRetries);
    }

    public LlmSettings withAlpha(double a) {
        return new LlmSettings(model, prices, prompts, a, initialDesign, templates, candidates, surrogateCalls,
                parseRetries, shrinkRetries);
    }

    public LlmSettings withCalls(int initial, int templateCount, int candidatesPerCall, int surrogateCount) {
        return new LlmSettings(model, prices, prompts, alpha, initial, templateCount, candidatesPerCall,
                surrogateCount, parseRetries, shrinkRetries);
    }
}
