package dev.tuneagent.agent.llm.usage;

import dev.tuneagent.agent.llm.ModelRef;
import dev.tuneagent.agent.llm.Provider;
import java.util.Map;
import java.util.Optional;

/**
 * List prices of a few well-known models, so a cost estimate works without configuration. These are the providers'
 * published standard-tier prices as of 2025 (no network here to re-check them live); they change, so the config file
 * or the task's {@code llm:} section override them, and an unknown model has an unknown cost (not zero).
 */
public final class PriceTable {
    public static final String AS_OF = "list prices as published in 2025 (check the provider's pricing page)";

    private static final Map<String, double[]> LIST = Map.ofEntries(
            Map.entry("openai:gpt-4o-mini", new double[] {0.15, 0.60}),
            Map.entry("openai:gpt-4o", new double[] {2.50, 10.00}),
            Map.entry("openai:gpt-4.1", new double[] {2.00, 8.00}),
            Map.entry("openai:gpt-4.1-mini", new double[] {0.40, 1.60}),
            Map.entry("openai:gpt-4.1-nano", new double[] {0.10, 0.40}),
            Map.entry("anthropic:claude-3-5-haiku-latest", new double[] {0.80, 4.00}),
            Map.entry("anthropic:claude-3-5-haiku-20241022", new double[] {0.80, 4.00}),
            Map.entry("anthropic:claude-sonnet-4-20250514", new double[] {3.00, 15.00}),
            Map.entry("anthropic:claude-3-7-sonnet-latest", new double[] {3.00, 15.00}));

    private PriceTable() {
    }

    /**
     * Built-in prices for {@code model}; models served by Ollama (or by a non-default OpenAI-compatible base URL,
     * decided by the caller) run on the user's hardware and cost nothing per token.
     */
    public static Optional<Prices> lookup(ModelRef model) {
        if (model.provider() == Provider.OLLAMA) {
            return Optional.of(new Prices(0, 0, "local model (ollama): no per-token price"));
        }
        double[] p = LIST.get(model.toString());
        return p == null ? Optional.empty() : Optional.of(new Prices(p[0], p[1], "built-in " + AS_OF));
    }
}
