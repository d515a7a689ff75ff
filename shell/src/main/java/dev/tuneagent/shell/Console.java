package dev.tuneagent.shell;

import java.io.PrintStream;

/**
 * Where commands write: results to {@code out}, user errors to {@code err}. Tests pass their own streams.
 *
 * @param terminal whether {@code out} is a terminal (a person watching), where a progress bar may redraw
 *                 one line in place; false for files, pipes and test buffers
 */
public record Console(PrintStream out, PrintStream err, boolean terminal) {

    public Console(PrintStream out, PrintStream err) {
        this(out, err, false);
    }

    public static Console system() {
        return new Console(System.out, System.err, stdoutIsTerminal());
    }

    /**
     * Java 17's {@code System.console()} exists only when stdin and stdout are both terminals; newer JDKs
     * return one regardless and answer with {@code isTerminal()}, so ask that when it is there.
     */
    static boolean stdoutIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }
}
