package dev.tuneagent.prompts.card;

import dev.tuneagent.core.config.ConfigException;
import java.util.Locale;

/**
 * How much of the task the prompts reveal, LLAMBO's ablation levels: {@code NONE} shows only the
 * search space (the metric is "a metric"), {@code PARTIAL} adds the model, the metric and the task's
 * description, {@code FULL} adds the data set's size, features and target.
 */
public enum ContextLevel {
    NONE, PARTIAL, FULL;

    public static ContextLevel parse(String path, String text) {
        if (text == null || text.isBlank()) {
            return FULL;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none", "no" -> NONE;
            case "partial" -> PARTIAL;
            case "full" -> FULL;
            default -> throw ConfigException.of(path, text, "none, partial or full");
        };
    }
}
