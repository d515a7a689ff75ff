package dev.tuneagent.agent.llm;

/**
 * The provider APIs we speak. {@code OPENAI} also covers every OpenAI-compatible server (vLLM, llama.cpp's
 * server, Ollama's {@code /v1}) through its base URL.
 */
public enum Provider {
    OPENAI("openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1"),
    ANTHROPIC("anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "https://api.anthropic.com/v1"),
    OLLAMA("ollama", null, "OLLAMA_HOST", "http://localhost:11434");

    private final String id;
    private final String keyVariable;
    private final String baseUrlVariable;
    private final String defaultBaseUrl;

    Provider(String id, String keyVariable, String baseUrlVariable, String defaultBaseUrl) {
        this.id = id;
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The name used in {@code --model PROVIDER:NAME} and in the config file. */
    public String id() {
        return id;
    }

    /** The environment variable holding the key, or null when the provider needs none. */
    public String keyVariable() {
        return keyVariable;
    }

    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Whether a call without a key can work against this base URL (local OpenAI-compatible servers need none). */
    public boolean needsKey(String baseUrl) {
        return switch (this) {
            case OPENAI -> baseUrl == null || baseUrl.equals(defaultBaseUrl);
            case ANTHROPIC -> true;
            case OLLAMA -> false;
        };
    }

    public static Provider fromId(String id) {
        for (Provider p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        return null;
    }
}
