package dev.tuneagent.shell.format;

import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
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

    /**
     * A parameter value, typed at a glance: a real keeps a decimal point ({@code 1.0}), and a string that could be
     * read as something else ({@code "1"}, {@code "true"}, {@code ""}, one with spaces or a newline) is quoted and
     * escaped, so the choices {@code 1}, {@code "1"}, {@code 1.0} and {@code true} print apart and a value never
     * breaks a table row.
     */
    public static String value(Object v) {
        if (v instanceof Double d) {
            String s = number(d);
            return s.matches("-?\\d+") ? s + ".0" : s;
        }
        if (v instanceof String s) {
            return plainString(s) ? s : quoted(s);
        }
        return String.valueOf(v);
    }

    private static boolean plainString(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("null")
                || s.equals("-") || looksNumeric(s)) {
            return false;
        }
        return s.codePoints().allMatch(c -> c > ' ' && !Character.isISOControl(c) && !Character.isSpaceChar(c)
                && c != '"' && c != '\\' && c != '=');
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
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

    /** Why a trial was queued, from its attributes: "re-run of #3", "warm start", "enqueued", or "". */
    public static String origin(Trial t) {
        String source = TrialAttrs.string(t, TrialAttrs.SOURCE);
        if (TrialAttrs.SOURCE_RERUN.equals(source)) {
            Integer of = TrialAttrs.integer(t, TrialAttrs.RERUN_OF);
            return of == null ? "re-run" : "re-run of #" + of;
        }
        if (TrialAttrs.SOURCE_WARMSTART.equals(source)) {
            return "warm start";
        }
        return TrialAttrs.SOURCE_USER.equals(source) ? "enqueued" : "";
    }

    /** {@link #origin} as a suffix " [re-run of #3]" after the proposer's name; empty when it adds nothing. */
    public static String originTag(Trial t) {
        String origin = origin(t);
        boolean saidByProposer = t.provenance() != null && t.provenance().proposer().equals(TrialAttrs.SOURCE_USER);
        return origin.isEmpty() || origin.equals("enqueued") && saidByProposer ? "" : " [" + origin + "]";
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
