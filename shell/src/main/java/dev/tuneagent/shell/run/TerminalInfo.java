package dev.tuneagent.shell.run;

import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What the progress display and text charts need to know about stdout.
 *
 * @param interactive a person is watching a terminal: redraw one progress line in place
 * @param columns     the terminal's current width (asked on every redraw, so a resized window is followed);
 *                    0 or less when unknown
 */
public record TerminalInfo(boolean interactive, IntSupplier columns) {
    /** Width assumed when the terminal does not say (pipes, files, dumb terminals). */
    public static final int DEFAULT_WIDTH = 80;
    /** Not a terminal: one plain line per trial. */
    public static final TerminalInfo PLAIN = new TerminalInfo(false, () -> 0);

    public int width() {
        int w = columns.getAsInt();
        return w > 0 ? w : DEFAULT_WIDTH;
    }

    /**
     * The real stdout: a terminal unless {@code TERM=dumb}; {@code TUNE_PROGRESS=lines} forces the plain
     * lines (and {@code bar} the bar) whatever stdout is. {@code COLUMNS} is the width when the terminal gives none.
     */
    public static TerminalInfo of(boolean stdoutIsTerminal, IntSupplier terminalWidth, Map<String, String> env) {
        String mode = env.getOrDefault("TUNE_PROGRESS", "").toLowerCase(Locale.ROOT);
        boolean interactive = switch (mode) {
            case "lines" -> false;
            case "bar" -> true;
            default -> stdoutIsTerminal && !"dumb".equals(env.get("TERM"));
        };
        int fromEnv = parse(env.get("COLUMNS"));
        return new TerminalInfo(interactive, () -> {
            int w = terminalWidth.getAsInt();
            return w > 0 ? w : fromEnv;
        });
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
