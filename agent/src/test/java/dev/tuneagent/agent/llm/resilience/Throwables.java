package dev.tuneagent.agent.llm.resilience;

import java.io.PrintWriter;
import java.io.StringWriter;

final class Throwables {
    private Throwables() {
    }

    /** Everything a stack trace print would show: every message in the cause chain. */
    static String fullText(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
