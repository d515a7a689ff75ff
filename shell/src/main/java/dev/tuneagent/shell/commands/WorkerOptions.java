package dev.tuneagent.shell.commands;

import dev.tuneagent.agent.loop.Leasing;
import dev.tuneagent.core.config.ConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values of {@code --parallel} and {@code --grace}, checked like task-file fields. */
final class WorkerOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
    static final int MAX_PARALLEL = 1024;
    static final Duration MIN_GRACE = Duration.ofSeconds(1);
    static final Duration MAX_GRACE = Duration.ofHours(24);

    private WorkerOptions() {
    }

    static int parallel(int k) {
        if (k < 1 || k > MAX_PARALLEL) {
            throw ConfigException.of("--parallel", k, "an integer from 1 to " + MAX_PARALLEL);
        }
        return k;
    }

    /** {@code 30s}, {@code 2m}, {@code 1h}, {@code 1500ms} or a plain number of seconds; null: the default 60 s. */
    static Duration grace(String text) {
        if (text == null) {
            return Leasing.DEFAULT_GRACE;
        }
        String expected = "a duration from 1s to 24h such as 30s, 2m or 1h";
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ConfigException.of("--grace", text, expected);
        }
        double amount = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1000;
        };
        Duration d = Duration.ofMillis(Math.round(amount * unit));
        if (d.compareTo(MIN_GRACE) < 0 || d.compareTo(MAX_GRACE) > 0) {
            throw ConfigException.of("--grace", text, expected);
        }
        return d;
    }
}
