package dev.tuneagent.agent.llm;

import dev.tuneagent.agent.llm.cassette.CassetteMode;
import dev.tuneagent.agent.llm.usage.PriceTable;
import dev.tuneagent.agent.llm.usage.Prices;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.config.UrlCredentials;
import dev.tuneagent.core.task.LlmSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Merges the places a setting can come from. Precedence, highest first: the command line, the task's {@code llm:}
 * section, the environment, the config file, the defaults. Keys come only from the environment or the config file.
 */
public final class LlmConfigResolver {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> env;
    private final LlmConfigFile file;

    public LlmConfigResolver(Map<String, String> env, LlmConfigFile file) {
        this.env = Map.copyOf(env);
        this.file = file == null ? LlmConfigFile.none() : file;
    }

    /** The real environment and the default config file ({@code TUNE_CONFIG} or {@code ~/.tune/config.yaml}). */
    public static LlmConfigResolver fromSystem() {
        Map<String, String> env = System.getenv();
        return new LlmConfigResolver(env, LlmConfigFile.load(LlmConfigFile.defaultPath(env)));
    }

    /**
     * @param cli     settings from {@code --model}, {@code --cassette}, ... (may be null)
     * @param task    the task's {@code llm:} section (may be null)
     * @param taskDir the task file's directory, against which the task's relative cassette directory resolves
     */
    public ResolvedLlmConfig resolve(LlmSpec cli, LlmSpec task, Path taskDir) {
        LlmSpec c = cli == null ? LlmSpec.empty() : cli;
        LlmSpec t = task == null ? LlmSpec.empty() : task;

        ModelRef model = model(c, t);
        Provider provider = model.provider();
        LlmConfigFile.ProviderSection section = file.providers().get(provider);

        String baseUrl = first(c.baseUrl(), t.baseUrl(), env(provider.baseUrlVariable()),
                section == null ? null : section.baseUrl());
        String from = c.baseUrl() != null ? "--base-url" : t.baseUrl() != null ? "llm.base_url"
                : env(provider.baseUrlVariable()) != null ? provider.baseUrlVariable() : "providers." + provider.id() + ".base_url";
        baseUrl = baseUrl == null ? provider.defaultBaseUrl() : normalizeBaseUrl(provider, baseUrl, from);

        CassetteMode cassette = c.cassette() != null ? CassetteMode.parse(c.cassette(), null, "--cassette")
                : CassetteMode.parse(t.cassette(), taskDir, "llm.cassette");

        ApiKey key = key(provider, section);
        if (key == null && provider.needsKey(baseUrl) && !(cassette instanceof CassetteMode.Replay)) {
            throw new ConfigException("llm.model", model + " needs an API key: set " + provider.keyVariable()
                    + " (or providers." + provider.id() + ".api_key in " + configName()
                    + "), or replay a recording with --cassette replay:DIR");
        }

        Duration timeout = first(c.timeout(), t.timeout(), file.timeout(), DEFAULT_TIMEOUT);
        Duration connect = first(file.connectTimeout(), min(DEFAULT_CONNECT_TIMEOUT, timeout));
        Double temperature = c.temperature() != null ? c.temperature() : t.temperature();
        return new ResolvedLlmConfig(model, baseUrl, key, timeout, connect, temperature,
                prices(model, baseUrl, c, t), cassette);
    }

    private ModelRef model(LlmSpec c, LlmSpec t) {
        if (c.model() != null) {
            return ModelRef.parse(c.model(), "--model");
        }
        if (t.model() != null) {
            return ModelRef.parse(t.model(), "llm.model");
        }
        if (env("TUNE_MODEL") != null) {
            return ModelRef.parse(env("TUNE_MODEL"), "TUNE_MODEL");
        }
        if (file.model() != null) {
            return ModelRef.parse(file.model(), file.path() + ": model");
        }
        // Defaults: a user who exported a key expects it to be used.
        if (env("OPENAI_API_KEY") != null || keyInFile(Provider.OPENAI)) {
            return new ModelRef(Provider.OPENAI, "gpt-4o-mini");
        }
        if (env("ANTHROPIC_API_KEY") != null || keyInFile(Provider.ANTHROPIC)) {
            return new ModelRef(Provider.ANTHROPIC, "claude-3-5-haiku-latest");
        }
        throw new ConfigException("llm.model", "no model configured: pass --model PROVIDER:NAME (e.g. "
                + "openai:gpt-4o-mini, anthropic:claude-3-5-haiku-latest, ollama:llama3.1), set llm.model in the task, "
                + "or model in " + configName());
    }

    private ApiKey key(Provider provider, LlmConfigFile.ProviderSection section) {
        if (provider.keyVariable() != null && env(provider.keyVariable()) != null) {
            return new ApiKey(env(provider.keyVariable()), provider.keyVariable());
        }
        return section == null ? null : section.apiKey();
    }

    private Prices prices(ModelRef model, String baseUrl, LlmSpec c, LlmSpec t) {
        Double in = first(c.inputPricePerM(), t.inputPricePerM());
        Double out = first(c.outputPricePerM(), t.outputPricePerM());
        if (in != null && out != null) {
            return new Prices(in, out, c.inputPricePerM() != null ? "command line" : "task llm: section");
        }
        Prices configured = file.prices().getOrDefault(model.toString(), file.prices().get(model.name()));
        if (configured != null) {
            return configured;
        }
        // A non-default OpenAI base URL is someone's own server: list prices would be wrong, so cost is unknown.
        if (model.provider() == Provider.OPENAI && !baseUrl.equals(Provider.OPENAI.defaultBaseUrl())) {
            return null;
        }
        return PriceTable.lookup(model).orElse(null);
    }

    /** Ollama's {@code OLLAMA_HOST} is often {@code host:port}; OpenAI-compatible servers need the {@code /v1}. */
    static String normalizeBaseUrl(Provider provider, String raw, String from) {
        UrlCredentials.refuse(from, raw);
        String url = raw.strip();
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(from, raw, "a URL such as http://localhost:8000/v1");
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw ConfigException.of(from, raw, "an http(s) URL such as http://localhost:8000/v1");
        }
        if (provider == Provider.OLLAMA && uri.getPort() < 0 && raw.strip().equals(uri.getHost())) {
            url = url + ":11434";
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (provider != Provider.OLLAMA && (path.isEmpty() || path.equals("/"))) {
            url = url.replaceAll("/+$", "") + "/v1"; // every OpenAI-compatible server and Anthropic live under /v1
        }
        return url.replaceAll("/+$", "");
    }

    private boolean keyInFile(Provider p) {
        LlmConfigFile.ProviderSection s = file.providers().get(p);
        return s != null && s.apiKey() != null;
    }

    private String configName() {
        return file.path() != null ? file.path().toString() : "~/.tune/config.yaml";
    }

    private String env(String name) {
        if (name == null) {
            return null;
        }
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
