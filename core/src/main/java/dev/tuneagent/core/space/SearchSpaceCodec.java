package dev.tuneagent.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.core.config.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes a search space in the task-file form:
 * <pre>
 * trees:     {type: int, low: 10, high: 300, log: true}
 * lr:        {type: float, low: 1e-4, high: 1, log: true}
 * criterion: {type: categorical, choices: [gini, entropy]}
 * batch:     {type: ordinal, values: [16, 32, 64]}
 * </pre>
 * Reading is strict: unknown keys, wrong types and bad bounds throw {@link ConfigException} naming the path.
 */
public final class SearchSpaceCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("float", "int", "categorical", "ordinal");

    private SearchSpaceCodec() {
    }

    public static SearchSpace read(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ConfigException.of(path, null, "a mapping of parameter names to {type: ...}");
        }
        if (!node.isObject()) {
            throw ConfigException.of(path, node.toString(), "a mapping of parameter names to {type: ...}");
        }
        if (node.isEmpty()) {
            throw new ConfigException(path, "the search space is empty; declare at least one parameter");
        }
        List<Param> params = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            params.add(readParam(e.getKey(), e.getValue(), path + "." + e.getKey()));
        }
        return new SearchSpace(params);
    }

    public static SearchSpace fromJson(String json) {
        try {
            return read(JSON.readTree(json), "space");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("space", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static String toJson(SearchSpace space) {
        return write(space).toString();
    }

    public static ObjectNode write(SearchSpace space) {
        ObjectNode root = JSON.createObjectNode();
        for (Param p : space.params()) {
            ObjectNode n = root.putObject(p.name());
            if (p instanceof FloatParam f) {
                n.put("type", "float").put("low", f.low()).put("high", f.high());
                if (f.log()) {
                    n.put("log", true);
                }
            } else if (p instanceof IntParam i) {
                n.put("type", "int").put("low", i.low()).put("high", i.high());
                if (i.log()) {
                    n.put("log", true);
                }
            } else if (p instanceof CategoricalParam c) {
                writeList(n.put("type", "categorical").putArray("choices"), c.choices());
            } else if (p instanceof OrdinalParam o) {
                writeList(n.put("type", "ordinal").putArray("values"), o.values());
            }
        }
        return root;
    }

    private static void writeList(ArrayNode arr, List<Object> values) {
        for (Object v : values) {
            arr.addPOJO(v);
        }
    }

    private static Param readParam(String name, JsonNode n, String path) {
        try {
            Names.check(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage());
        }
        if (!n.isObject()) {
            throw ConfigException.of(path, n.toString(), "a mapping such as {type: float, low: 0, high: 1}");
        }
        JsonNode typeNode = n.get("type");
        if (typeNode == null || !typeNode.isTextual() || !TYPES.contains(typeNode.asText())) {
            throw ConfigException.of(path + ".type", typeNode == null ? null : typeNode.asText(),
                    "one of float, int, categorical, ordinal");
        }
        String type = typeNode.asText();
        switch (type) {
            case "float", "int" -> {
                allowOnly(n, path, Set.of("type", "low", "high", "log"));
                boolean log = n.has("log") && bool(n.get("log"), path + ".log");
                if ("float".equals(type)) {
                    double low = number(n.get("low"), path + ".low");
                    double high = number(n.get("high"), path + ".high");
                    checkBounds(path, low, high, log);
                    if (!log && Double.isInfinite(high - low)) {
                        throw new ConfigException(path, FloatParam.WIDTH_LIMIT + ", got low " + low + " and high " + high);
                    }
                    return new FloatParam(name, low, high, log);
                }
                long low = integer(n.get("low"), path + ".low");
                long high = integer(n.get("high"), path + ".high");
                checkBounds(path, low, high, log);
                try {
                    return new IntParam(name, low, high, log);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(path, e.getMessage().substring(name.length() + 2));
                }
            }
            default -> {
                String key = "categorical".equals(type) ? "choices" : "values";
                allowOnly(n, path, Set.of("type", key));
                JsonNode list = n.get(key);
                if (list == null || !list.isArray() || list.isEmpty()) {
                    throw ConfigException.of(path + "." + key, list,
                            "a non-empty list such as [a, b]");
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode v = list.get(i);
                    if (v.isTextual()) {
                        values.add(v.asText());
                    } else if (v.isIntegralNumber()) {
                        values.add(v.asLong());
                    } else if (v.isNumber()) {
                        values.add(v.asDouble());
                    } else if (v.isBoolean()) {
                        values.add(v.asBoolean());
                    } else {
                        throw ConfigException.of(path + "." + key + "[" + i + "]", v.toString(),
                                "a string, number or boolean");
                    }
                }
                try {
                    return "categorical".equals(type) ? new CategoricalParam(name, values) : new OrdinalParam(name, values);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(path + "." + key, e.getMessage().substring(name.length() + 2));
                }
            }
        }
    }

    private static void checkBounds(String path, double low, double high, boolean log) {
        if (!(low < high)) {
            throw new ConfigException(path, "low (" + trim(low) + ") must be below high (" + trim(high) + ")");
        }
        if (log && low <= 0) {
            Object shown = low == Math.rint(low) && Math.abs(low) < 1e15 ? (Object) (long) low : (Object) low;
            throw ConfigException.of(path + ".low", shown, "a value > 0 because log: true");
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void allowOnly(JsonNode n, String path, Set<String> allowed) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                throw new ConfigException(path + "." + k, "unknown key for a " + n.get("type").asText()
                        + " parameter; allowed keys: " + allowed.stream().sorted().toList());
            }
        }
    }

    private static double number(JsonNode v, String path) {
        if (v != null && v.isNumber() && !Double.isFinite(v.asDouble())) {
            throw new ConfigException(path, "got " + written(v) + ", expected a finite number: .nan and .inf are valid"
                    + " YAML but not allowed here, and a magnitude must stay within " + Double.MAX_VALUE
                    + " (the largest double)");
        }
        if (v == null || !v.isNumber()) {
            throw ConfigException.of(path, v == null ? null : v.isTextual() ? v.asText() : v.toString(), "a finite number");
        }
        return v.asDouble();
    }

    private static long integer(JsonNode v, String path) {
        if (v != null && v.isNumber() && !(v.isIntegralNumber() ? v.canConvertToLong()
                : Math.abs(v.asDouble()) < 0x1p63)) {
            throw new ConfigException(path, "got " + written(v) + ", expected an integer between " + Long.MIN_VALUE
                    + " and " + Long.MAX_VALUE);
        }
        if (v == null || !v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
            throw ConfigException.of(path, v == null ? null : v.isTextual() ? v.asText() : v.toString(), "an integer");
        }
        return v.asLong();
    }

    /** A number as a user would have written it: YAML's .nan and .inf, or the decimal digits of a huge one. */
    private static String written(JsonNode v) {
        double d = v.asDouble();
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (v.isBigDecimal() || v.isBigInteger()) {
            return v.decimalValue().toString();
        }
        return Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : v.toString();
    }

    private static boolean bool(JsonNode v, String path) {
        if (!v.isBoolean()) {
            throw ConfigException.of(path, v.isTextual() ? v.asText() : v.toString(), "true or false");
        }
        return v.asBoolean();
    }
}
