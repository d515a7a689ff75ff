package dev.tuneagent.agent.llm;

import dev.tuneagent.core.config.ConfigException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A parsed {@code PROVIDER:NAME}, e.g. {@code openai:gpt-4o-mini} or {@code ollama:llama3.1:8b}. */
public record ModelRef(Provider provider, String name) {

    public ModelRef {
        if (provider == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("provider and name are required");
        }
    }

    /**
     * Parses {@code text}; only the first colon separates provider and name, because Ollama tags contain colons.
     *
     * @param path where the text came from ({@code --model}, {@code llm.model}, ...), for the error message
     */
    public static ModelRef parse(String text, String path) {
        String expected = "PROVIDER:NAME with PROVIDER one of " + providerList() + ", e.g. openai:gpt-4o-mini";
        if (text == null || text.isBlank()) {
            throw ConfigException.of(path, text, expected);
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw ConfigException.of(path, text, expected);
        }
        Provider provider = Provider.fromId(text.substring(0, colon).strip());
        if (provider == null) {
            throw ConfigException.of(path, text, expected);
        }
        return new ModelRef(provider, text.substring(colon + 1).strip());
    }

    private static String providerList() {
        return Arrays.stream(Provider.values()).map(Provider::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return provider.id() + ":" + name;
    }
}
