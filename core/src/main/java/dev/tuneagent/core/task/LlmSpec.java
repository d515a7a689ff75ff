package dev.tuneagent.core.task;

import java.time.Duration;

/**
 * The {@code llm:} section of a task file (and the {@code --model} / {@code --cassette} options).
 * Every field may be null: the environment ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
 * {@code ANTHROPIC_API_KEY}, {@code OLLAMA_HOST}) and the config file fill the rest. Keys are never
 * part of a task file. Build one with {@link #builder()}.
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
    private static final LlmSpec EMPTY = new LlmSpec(null, null, null, null, null, null, null, null, null);

    public static LlmSpec empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return EMPTY.toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This spec with every field that {@code over} sets replaced (command-line options over a task's section). */
    public LlmSpec overriddenBy(LlmSpec over) {
        return new LlmSpec(or(over.model, model), or(over.baseUrl, baseUrl), or(over.cassette, cassette),
                or(over.timeout, timeout), or(over.temperature, temperature), or(over.inputPricePerM, inputPricePerM),
                or(over.outputPricePerM, outputPricePerM), or(over.alpha, alpha), or(over.context, context));
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    /** Sets fields by name, so the many optional ones never travel as a row of nulls. */
    public static final class Builder {
        private String model;
        private String baseUrl;
        private String cassette;
        private Duration timeout;
        private Double temperature;
        private Double inputPricePerM;
        private Double outputPricePerM;
        private Double alpha;
        private String context;

        private Builder(LlmSpec from) {
            model = from.model;
            baseUrl = from.baseUrl;
            cassette = from.cassette;
            timeout = from.timeout;
            temperature = from.temperature;
            inputPricePerM = from.inputPricePerM;
            outputPricePerM = from.outputPricePerM;
            alpha = from.alpha;
            context = from.context;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder cassette(String cassette) {
            this.cassette = cassette;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** US dollars per million input and output tokens. */
        public Builder prices(Double inputPerM, Double outputPerM) {
            this.inputPricePerM = inputPerM;
            this.outputPricePerM = outputPerM;
            return this;
        }

        public Builder alpha(Double alpha) {
            this.alpha = alpha;
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        public LlmSpec build() {
            return new LlmSpec(model, baseUrl, cassette, timeout, temperature, inputPricePerM, outputPricePerM, alpha,
                    context);
        }
    }
}
