package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.config.UrlCredentials;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Reads the {@code llm:} section of a task file into an {@link LlmSpec}. */
final class LlmSection {
    static final List<String> KEYS = List.of("model", "base_url", "cassette", "timeout", "temperature",
            "input_price_per_m", "output_price_per_m", "alpha", "context");
    private static final List<String> CONTEXTS = List.of("none", "partial", "full");

    private LlmSection() {
    }

    static LlmSpec read(JsonNode node, Path baseDir) {
        if (node != null && node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                // Never echo the value: it may be a secret.
                if (key.toLowerCase(Locale.ROOT).contains("key") || key.toLowerCase(Locale.ROOT).contains("token")) {
                    throw new ConfigException("llm." + key, "API keys do not belong in a task file; set them in the "
                            + "environment (OPENAI_API_KEY, ANTHROPIC_API_KEY) instead");
                }
            }
        }
        Fields llm = Fields.mapping(node, "llm", KEYS);
        String model = llm.textOrNull("model");
        if (model != null && !model.matches("[a-z][a-z0-9-]*:.+")) {
            throw ConfigException.of("llm.model", model, "provider:name such as openai:gpt-4o-mini or ollama:llama3.1");
        }
        String baseUrl = llm.textOrNull("base_url");
        UrlCredentials.refuse("llm.base_url", baseUrl);
        if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
            throw ConfigException.of("llm.base_url", baseUrl, "an http:// or https:// URL");
        }
        String cassette = cassette(llm.textOrNull("cassette"), baseDir);
        String context = llm.textOrNull("context");
        if (context != null && !CONTEXTS.contains(context)) {
            throw ConfigException.of("llm.context", context, "one of " + CONTEXTS);
        }
        return new LlmSpec(model, baseUrl, cassette, llm.durationOrNull("timeout"), llm.numberAtLeast("temperature", 0),
                llm.numberAtLeast("input_price_per_m", 0), llm.numberAtLeast("output_price_per_m", 0),
                llm.numberAtLeast("alpha", 0), context);
    }

    /** {@code off}, {@code record:DIR} or {@code replay:DIR}; DIR resolves against the task file's directory. */
    private static String cassette(String value, Path baseDir) {
        if (value == null || value.equals("off")) {
            return value;
        }
        for (String mode : List.of("record:", "replay:")) {
            if (value.startsWith(mode) && value.length() > mode.length()) {
                return mode + baseDir.resolve(value.substring(mode.length())).normalize();
            }
        }
        throw ConfigException.of("llm.cassette", value, "off, record:DIR or replay:DIR");
    }
}
