package dev.tuneagent.core.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.space.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A task file's optional {@code defaults:} mapping: the configuration a user would run without tuning (the
 * evaluation harness's {@code default} baseline). It is kept out of {@link TaskSpec} on purpose: only the
 * harness reads it, and a run ignores it. The parser checks it against the declared space, so a wrong default
 * is reported when the file is read, with the path {@code defaults.NAME}.
 */
public final class TaskDefaults {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private TaskDefaults() {
    }

    /** The {@code defaults:} of the task file at {@code file}, coerced into {@code space}; empty without one. */
    public static Optional<Map<String, Object>> read(Path file, SearchSpace space) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "the task file " + file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("", "cannot read task file " + file + ": " + e.getMessage());
        }
        JsonNode node = root == null ? null : root.get("defaults");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(check(node, space));
    }

    /** Checks a {@code defaults:} node: a mapping of parameter values inside {@code space} (when known). */
    static Map<String, Object> check(JsonNode node, SearchSpace space) {
        if (!node.isObject()) {
            throw ConfigException.of("defaults", Fields.shown(node), "a mapping of parameter names to values");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> raw.put(e.getKey(), value(e.getValue())));
        if (space == null) {
            return raw; // an in-process model's default space is known only after the catalog filled it in
        }
        try {
            return space.coerce(raw);
        } catch (InvalidValueException e) {
            throw new ConfigException("defaults", e.getMessage());
        }
    }

    private static Object value(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isTextual() ? v.asText() : v.toString();
    }
}
