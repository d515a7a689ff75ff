package dev.tuneagent.agent.llm;

import dev.tuneagent.core.config.ConfigException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations users write: {@code 500ms}, {@code 30s}, {@code 2m}, or a bare number of seconds. */
final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    private Durations() {
    }

    static Duration parse(String text, String path) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw ConfigException.of(path, text, "a duration such as 500ms, 30s or 2m");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = Math.round(switch (unit) {
            case "ms" -> v;
            case "m" -> v * 60_000;
            default -> v * 1000;
        });
        if (millis <= 0) {
            throw ConfigException.of(path, text, "a duration above zero");
        }
        return Duration.ofMillis(millis);
    }
}
