package dev.tuneagent.shell;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.StoreException;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns an exception into one line on stderr and an exit code; stack traces go to the log file only. */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static int report(Throwable e, PrintStream err) {
        Throwable user = userError(e);
        if (user != null) {
            err.println("tune: " + user.getMessage());
            err.flush();
            return codeOf(user);
        }
        LOG.error("unexpected failure", e);
        err.println("tune: internal error: " + e + " (the log under ~/.tune/logs has the details)");
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** The user error somewhere in the cause chain, or null when it is a bug. */
    static Throwable userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof StoreException || t instanceof UsageException
                    || t instanceof dev.tuneagent.agent.llm.error.LlmException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static int codeOf(Throwable user) {
        if (user instanceof StudyNotFoundException) {
            return ExitCodes.NOT_FOUND;
        }
        if (user instanceof StoreException) {
            return ExitCodes.STORE;
        }
        return ExitCodes.USAGE;
    }
}
