package dev.tuneagent.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.agent.llm.usage.Prices;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.config.UrlCredentials;
import dev.tuneagent.core.config.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The optional user config file ({@code ~/.tune/config.yaml}, or {@code TUNE_CONFIG}):
 *
 * <pre>
 * model: openai:gpt-4o-mini
 * timeout: 60s            # per request; also 500ms, 2m, or a number of seconds
 * connect_timeout: 10s
 * providers:
 *   openai:    { api_key: sk-..., base_url: https://api.openai.com/v1 }
 *   anthropic: { api_key: sk-ant-... }
 *   ollama:    { base_url: http://localhost:11434 }
 * prices:                 # US dollars per million tokens
 *   openai:gpt-4o-mini: { input: 0.15, output: 0.60 }
 * </pre>
 *
 * A file that holds a key must not be readable by others (mode 0600), otherwise it is refused.
 */
public record LlmConfigFile(Path path, String model, Duration timeout, Duration connectTimeout,
                            Map<Provider, ProviderSection> providers, Map<String, Prices> prices) {

    /** One provider's settings; {@code apiKey} may be null. */
    public record ProviderSection(ApiKey apiKey, String baseUrl) {
    }

    public static LlmConfigFile none() {
        return new LlmConfigFile(null, null, null, null, Map.of(), Map.of());
    }

    /** The file named by {@code TUNE_CONFIG}, else {@code ~/.tune/config.yaml}. */
    public static Path defaultPath(Map<String, String> env) {
        String explicit = env.get("TUNE_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("user.home"), ".tune", "config.yaml");
    }

    /** Reads {@code path}; a missing file is an empty config, a malformed one a {@link ConfigException}. */
    public static LlmConfigFile load(Path path) {
        if (path == null || !Files.exists(path)) {
            return none();
        }
        JsonNode root;
        try {
            root = YamlTree.read(Files.readString(path));
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot read the config file: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return none();
        }
        if (!root.isObject()) {
            throw ConfigException.of(path.toString(), root.getNodeType().toString().toLowerCase(), "a mapping");
        }
        String where = path.toString();
        expectKeys(root, where, Set.of("model", "timeout", "connect_timeout", "providers", "prices"));
        Map<Provider, ProviderSection> providers = new EnumMap<>(Provider.class);
        boolean holdsKey = false;
        JsonNode ps = root.path("providers");
        if (!ps.isMissingNode()) {
            for (Map.Entry<String, JsonNode> e : object(ps, where + ": providers").properties()) {
                String p = where + ": providers." + e.getKey();
                Provider provider = Provider.fromId(e.getKey());
                if (provider == null) {
                    throw ConfigException.of(p, e.getKey(), "openai, anthropic or ollama");
                }
                JsonNode section = object(e.getValue(), p);
                expectKeys(section, p, Set.of("api_key", "base_url"));
                UrlCredentials.refuse(p + ".base_url", text(section, "base_url", p));
                String key = text(section, "api_key", p);
                holdsKey |= key != null && !key.isBlank();
                providers.put(provider, new ProviderSection(
                        key == null || key.isBlank() ? null : new ApiKey(key, path + " (providers." + e.getKey() + ".api_key)"),
                        text(section, "base_url", p)));
            }
        }
        if (holdsKey) {
            refuseIfReadableByOthers(path);
        }
        Map<String, Prices> prices = new HashMap<>();
        JsonNode pr = root.path("prices");
        if (!pr.isMissingNode()) {
            for (Map.Entry<String, JsonNode> e : object(pr, where + ": prices").properties()) {
                String p = where + ": prices." + e.getKey();
                JsonNode section = object(e.getValue(), p);
                expectKeys(section, p, Set.of("input", "output"));
                prices.put(e.getKey(), new Prices(price(section, "input", p), price(section, "output", p), "config file " + path));
            }
        }
        return new LlmConfigFile(path, text(root, "model", where), duration(root, "timeout", where),
                duration(root, "connect_timeout", where), Map.copyOf(providers), Map.copyOf(prices));
    }

    static void refuseIfReadableByOthers(Path path) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing we can check
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot read the file's permissions: " + e.getMessage());
        }
        Set<PosixFilePermission> wider = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        for (PosixFilePermission p : perms) {
            if (wider.contains(p)) {
                throw new ConfigException(path.toString(), "holds an API key but its permissions are "
                        + PosixFilePermissions.toString(perms) + "; other users could read it. Run: chmod 600 " + path);
            }
        }
    }

    private static JsonNode object(JsonNode n, String path) {
        if (!n.isObject()) {
            throw ConfigException.of(path, n.isValueNode() ? n.asText() : n.getNodeType().toString().toLowerCase(),
                    "a mapping");
        }
        return n;
    }

    private static void expectKeys(JsonNode n, String path, Set<String> allowed) {
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw ConfigException.of(path + "." + k, k, "one of " + allowed.stream().sorted().toList());
            }
        });
    }

    private static String text(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw ConfigException.of(path + "." + field, v.getNodeType().toString().toLowerCase(), "a string");
        }
        return v.asText();
    }

    private static double price(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || v.asDouble() < 0) {
            throw ConfigException.of(path + "." + field, v == null ? null : v.asText(),
                    "a number >= 0 (US dollars per million tokens)");
        }
        return v.asDouble();
    }

    private static Duration duration(JsonNode n, String field, String path) {
        String t = text(n, field, path);
        return t == null ? null : Durations.parse(t, path + "." + field);
    }
}
