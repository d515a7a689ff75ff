package dev.tuneagent.shell;

import java.io.PrintStream;

/** Where commands write: results to {@code out}, user errors to {@code err}. Tests pass their own streams. */
public record Console(PrintStream out, PrintStream err) {

    public static Console system() {
        return new Console(System.out, System.err);
    }
}
