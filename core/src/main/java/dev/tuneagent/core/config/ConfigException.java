package dev.tuneagent.core.config;

/**
 * A user's input (task file, CLI argument, CSV) is wrong. The message names where ({@code path}, e.g.
 * {@code space.trees.low}), what was found and what was expected, so it can be shown as is, without a
 * stack trace.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public ConfigException(String path, String message) {
        super(path == null || path.isEmpty() ? message : path + ": " + message);
        this.path = path == null ? "" : path;
    }

    public static ConfigException of(String path, Object found, String expected) {
        return new ConfigException(path, "got " + show(found) + ", expected " + expected);
    }

    public String path() {
        return path;
    }

    static String show(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(v);
    }
}
