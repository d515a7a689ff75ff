package dev.tuneagent.shell.format;

import dev.tuneagent.core.study.Trial;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** How numbers, parameters and durations look in tables and progress lines. */
public final class Values {
    private Values() {
    }

    /** Up to 6 significant digits, no exponent for ordinary magnitudes. */
    public static String number(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e12) {
            return String.valueOf(v.longValue());
        }
        if (a != 0 && (a < 1e-4 || a >= 1e9)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return s;
    }

    public static String value(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        return String.valueOf(v);
    }

    public static String params(Map<String, Object> params) {
        StringJoiner j = new StringJoiner(" ");
        params.forEach((k, v) -> j.add(k + "=" + value(v)));
        return j.toString();
    }

    public static String duration(Trial t) {
        Duration d = t.duration();
        if (d == null) {
            return "-";
        }
        double s = d.toMillis() / 1000.0;
        return s < 60 ? String.format(Locale.ROOT, "%.1fs", s) : String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }

    /** The first line of a message, shortened for a table cell. */
    public static String firstLine(String message, int max) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }
}
