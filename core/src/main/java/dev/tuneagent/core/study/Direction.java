package dev.tuneagent.core.study;

import dev.tuneagent.core.config.ConfigException;
import java.util.Locale;

/** Whether the objective is to be minimized or maximized. */
public enum Direction {
    MINIMIZE, MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** The value turned into a loss (smaller is better), what surrogates and regret work on. */
    public double toLoss(double value) {
        return this == MINIMIZE ? value : -value;
    }

    public static Direction parse(String path, String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "minimize", "min", "minimise" -> {
                    return MINIMIZE;
                }
                case "maximize", "max", "maximise" -> {
                    return MAXIMIZE;
                }
                default -> {
                }
            }
        }
        throw ConfigException.of(path, text, "minimize or maximize");
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
