package dev.tuneagent.agent.llm;

import dev.tuneagent.agent.llm.cassette.CassetteMode;
import dev.tuneagent.agent.llm.usage.Prices;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything needed to build one chat model, after CLI, task, environment, config file and defaults were merged.
 * {@code toString()} is safe to log: the key prints as its source only.
 *
 * @param apiKey      null when the provider needs none (Ollama, a local OpenAI-compatible server)
 * @param prices      null when the cost of this model is unknown
 * @param temperature null means the provider's default
 */
public record ResolvedLlmConfig(ModelRef model, String baseUrl, ApiKey apiKey, Duration timeout,
                                Duration connectTimeout, Double temperature, Prices prices, CassetteMode cassette) {

    public Optional<ApiKey> key() {
        return Optional.ofNullable(apiKey);
    }

    public Optional<Prices> knownPrices() {
        return Optional.ofNullable(prices);
    }
}
