package dev.tuneagent.agent.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.tuneagent.agent.llm.cassette.CassetteMode;
import dev.tuneagent.agent.llm.cassette.Cassettes;
import dev.tuneagent.agent.llm.http.OkHttpLangChainClientBuilder;
import dev.tuneagent.agent.llm.http.Redactor;
import dev.tuneagent.agent.llm.resilience.CircuitBreaker;
import dev.tuneagent.agent.llm.resilience.ResilientChatModel;
import dev.tuneagent.agent.llm.resilience.Sleeper;
import dev.tuneagent.core.task.LlmSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The one place that turns a {@link ResolvedLlmConfig} into a LangChain4j {@link ChatModel}: the provider's model over
 * our OkHttp transport (with the cassette interceptor), LangChain4j's own retries off, wrapped in
 * {@link ResilientChatModel} for retries and circuit breaking.
 *
 * <p>It is also the one place that decides what shapes a request beyond the prompt: the model's
 * {@link ChatModel#supportedCapabilities() capabilities} (see {@link #capabilities}), from which the LLM proposers
 * choose their reply format. Recording and replaying the same study therefore send the same requests whatever the
 * environment says, because in replay the capabilities come from the recording itself.
 */
public final class ChatModels {
    /**
     * LangChain4j's OpenAI and Anthropic builders insist on a key. When none is needed (replay, which has no network;
     * a local OpenAI-compatible server, which ignores it) this harmless word is sent instead.
     */
    private static final String NO_KEY = "no-key-configured";

    private ChatModels() {
    }

    /**
     * Everything in one call: merges {@code cli}, the task's {@code llm:} section, the environment and the config
     * file (see {@link LlmConfigResolver}), then builds the model.
     *
     * @throws dev.tuneagent.core.config.ConfigException when the settings are incomplete or wrong (no model, no key,
     *                                                   a bad URL, a config file others can read, ...)
     */
    public static LlmConnection connect(LlmConfigResolver resolver, LlmSpec cli, LlmSpec task, Path taskDir,
                                        TransportOptions options) {
        ResolvedLlmConfig config = resolver.resolve(cli, task, taskDir);
        return new LlmConnection(config, create(config, options));
    }

    /** {@link #connect(LlmConfigResolver, LlmSpec, LlmSpec, Path, TransportOptions)} with the real environment. */
    public static LlmConnection connect(LlmSpec cli, LlmSpec task, Path taskDir, TransportOptions options) {
        return connect(LlmConfigResolver.fromSystem(), cli, task, taskDir, options);
    }

    public static ResilientChatModel create(ResolvedLlmConfig config, TransportOptions options) {
        String key = config.key().map(ApiKey::reveal).orElse(null);
        Redactor redactor = new Redactor(key == null ? List.of() : List.of(key));
        OkHttpLangChainClientBuilder http = new OkHttpLangChainClientBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.timeout())
                .redactor(redactor);
        Cassettes.Opened cassette = Cassettes.open(config.cassette(), redactor, options.recordedWith(),
                options.cassetteSession(), config.model().provider().keyVariable());
        cassette.asOptional().ifPresent(http::addInterceptor);
        ChatModel provider = providerModel(config, http, key, capabilities(config, cassette));
        String name = config.model().toString();
        // Replaying a recorded 429 or 503 reproduces the retry, but there is nothing to wait for: no server.
        Sleeper sleeper = config.cassette() instanceof CassetteMode.Replay ? d -> { } : options.sleeper();
        return new ResilientChatModel(provider, name, config.key().map(ApiKey::source).orElse(null), options.retry(),
                options.seed(), new CircuitBreaker(options.breaker(), options.clock(), name), sleeper,
                options.clock(), options.listeners());
    }

    /**
     * Structured output (a JSON schema in {@code response_format}) for OpenAI's own API only: OpenAI-compatible
     * servers differ in what they accept, and Anthropic and Ollama get plain prompts. In replay the recording
     * decides, since its requests show whether they asked for JSON; no environment variable can change that.
     */
    static Set<Capability> capabilities(ResolvedLlmConfig config, Cassettes.Opened cassette) {
        if (config.model().provider() != Provider.OPENAI) {
            return Set.of();
        }
        boolean json = cassette.structuredOutput()
                .orElseGet(() -> config.baseUrl() == null || config.baseUrl().startsWith("https://api.openai.com/"));
        return json ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA) : Set.of();
    }

    private static ChatModel providerModel(ResolvedLlmConfig c, OkHttpLangChainClientBuilder http, String key,
                                           Set<Capability> capabilities) {
        String modelName = c.model().name();
        return switch (c.model().provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(c.baseUrl())
                    .apiKey(key == null ? NO_KEY : key)
                    .modelName(modelName)
                    .temperature(c.temperature())
                    .timeout(c.timeout())
                    .supportedCapabilities(capabilities)
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(c.baseUrl())
                    .apiKey(key == null ? NO_KEY : key)
                    .modelName(modelName)
                    .temperature(c.temperature())
                    .timeout(c.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(c.baseUrl())
                    .modelName(modelName)
                    .temperature(c.temperature())
                    .timeout(c.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }
}
