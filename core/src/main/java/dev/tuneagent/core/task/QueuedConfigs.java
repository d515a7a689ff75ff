package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configurations a user asks to evaluate first: the task file's {@code enqueue:} list and
 * {@code tune enqueue --params}. Each must name every parameter of the space (a partial configuration has
 * no obvious completion, and guessing one would evaluate something the user did not ask for), no other
 * key, and only values inside the space. Errors name the full path, e.g. {@code enqueue[1].lr}.
 */
public final class QueuedConfigs {
    private QueuedConfigs() {
    }

    /** The structure of an {@code enqueue:} list: a list of mappings from parameter name to a scalar. */
    static List<Map<String, Object>> read(JsonNode node, String path) {
        String expected = "a list of mappings from parameter name to value, e.g. [{lr: 0.01, depth: 6}]";
        if (node == null || !node.isArray()) {
            throw ConfigException.of(path, Fields.shown(node), expected);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(config(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** One configuration (a JSON object or YAML mapping) as raw scalars: numbers, strings, booleans. */
    public static Map<String, Object> config(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw ConfigException.of(path, Fields.shown(node), "a mapping from parameter name to value, such as "
                    + "{\"lr\": 0.01}");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw ConfigException.of(Fields.join(path, f.getKey()), Fields.shown(v), "a number, string or boolean");
            }
            raw.put(f.getKey(), v.isTextual() ? v.asText() : v.isBoolean() ? v.asBoolean() : v.numberValue());
        }
        return raw;
    }

    /** Checks every configuration of the list against the space; returns them in canonical form. */
    public static List<Map<String, Object>> validate(SearchSpace space, List<Map<String, Object>> configs, String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            out.add(validate(space, configs.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** One configuration against the space: unknown, missing and out-of-range parameters are refused. */
    public static Map<String, Object> validate(SearchSpace space, Map<String, ?> raw, String path) {
        for (String key : raw.keySet()) {
            if (space.param(key).isEmpty()) {
                throw new ConfigException(Fields.join(path, key), "unknown parameter; the space has " + space.names());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : space.params()) {
            String at = Fields.join(path, p.name());
            if (!raw.containsKey(p.name())) {
                throw new ConfigException(at, "missing; every parameter needs a value (expected " + p.describe() + ")");
            }
            try {
                out.put(p.name(), p.coerce(raw.get(p.name())));
            } catch (InvalidValueException e) {
                throw ConfigException.of(at, raw.get(p.name()), p.describe());
            }
        }
        return out;
    }
}
