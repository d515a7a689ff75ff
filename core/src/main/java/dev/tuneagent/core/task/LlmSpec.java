package dev.tuneagent.core.task;

import java.time.Duration;

/**
 * The {@code llm:} section of a task file (and the {@code --model} / {@code --cassette} options).
 * Every field may be null: the environment ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
 * {@code ANTHROPIC_API_KEY}, {@code OLLAMA_HOST}) and the config file fill the rest. Keys are never
 * part of a task file.
 *
 * @param model            {@code provider:name}, e.g. {@code openai:gpt-4o-mini}, {@code anthropic:claude-3-5-haiku-latest},
 *                         {@code ollama:llama3.1}
 * @param baseUrl          an OpenAI-compatible or Ollama server; OpenAI-compatible URLs end in {@code /v1}
 * @param cassette         {@code off}, {@code record:DIR} or {@code replay:DIR}
 * @param timeout          per-request timeout
 * @param temperature      sampling temperature
 * @param inputPricePerM   US dollars per million input tokens (for cost estimates and caps)
 * @param outputPricePerM  US dollars per million output tokens
 * @param alpha            LLAMBO's exploration factor for the target score (default 0.1)
 * @param context          how much of the task the prompts reveal: {@code none}, {@code partial}, {@code full}
 */
public record LlmSpec(String model, String baseUrl, String cassette, Duration timeout, Double temperature,
                      Double inputPricePerM, Double outputPricePerM, Double alpha, String context) {

    public static LlmSpec empty() {
        return new LlmSpec(null, null, null, null, null, null, null, null, null);
    }
}
