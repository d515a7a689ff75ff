package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict readers for one mapping of a task file. Every failure is a {@link ConfigException} naming the
 * full path ({@code job.folds}), what was found and what was expected.
 */
final class Fields {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private final JsonNode node;
    private final String path;

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The mapping at {@code path}; rejects keys outside {@code allowed}. */
    static Fields mapping(JsonNode node, String path, List<String> allowed) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ConfigException.of(path, null, "a mapping with keys " + allowed);
        }
        if (!node.isObject()) {
            throw ConfigException.of(path, shown(node), "a mapping with keys " + allowed);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(join(path, key), "unknown key; allowed here: " + allowed);
            }
        }
        return new Fields(node, path);
    }

    String path(String key) {
        return join(path, key);
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    String text(String key) {
        require(key, "a non-empty string");
        return textOrNull(key);
    }

    String textOrNull(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ConfigException.of(path(key), shown(v), "a non-empty string");
        }
        return v.asText().trim();
    }

    long integer(String key, long min) {
        require(key, "an integer >= " + min);
        return integerOr(key, min, 0);
    }

    long integerOr(String key, long min, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ConfigException.of(path(key), shown(v), "an integer >= " + min);
        }
        if (v.asLong() < min) {
            throw ConfigException.of(path(key), v.asLong(), "an integer >= " + min);
        }
        return v.asLong();
    }

    /** A finite number strictly greater than {@code above}, or null when absent. */
    Double numberAbove(String key, double above) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() <= above) {
            throw ConfigException.of(path(key), shown(v), "a number > " + plain(above));
        }
        return v.asDouble();
    }

    /** A finite number at least {@code min}, or null when absent. */
    Double numberAtLeast(String key, double min) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < min) {
            throw ConfigException.of(path(key), shown(v), "a number >= " + plain(min));
        }
        return v.asDouble();
    }

    /** {@code 60s}, {@code 5m}, {@code 2h}, {@code 500ms}, or a plain number of seconds. */
    Duration durationOrNull(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        String expected = "a positive duration such as 90s, 5m, 2h or 500ms";
        if (v.isNumber() && v.asDouble() > 0 && Double.isFinite(v.asDouble())) {
            return Duration.ofMillis(Math.round(v.asDouble() * 1000));
        }
        if (v.isTextual()) {
            Matcher m = DURATION.matcher(v.asText().trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                double unitMillis = switch (m.group(2)) {
                    case "ms" -> 1;
                    case "s" -> 1000;
                    case "m" -> 60_000;
                    default -> 3_600_000;
                };
                long millis = Math.round(amount * unitMillis);
                if (millis > 0) {
                    return Duration.ofMillis(millis);
                }
            }
        }
        throw ConfigException.of(path(key), shown(v), expected);
    }

    void require(String key, String expected) {
        if (!has(key)) {
            throw new ConfigException(path(key), "missing; expected " + expected);
        }
    }

    static Object shown(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return v; // shown as JSON, unquoted
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
