package dev.tuneagent.shell;

import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StudyNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.springframework.core.convert.ConversionFailedException;
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
        err.println("tune: internal error: " + e + " (details in the log file " + logFile(System.getenv(),
                System.getProperty("user.home")) + ")");
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** Where the log goes: {@code TUNE_LOG_FILE}, else the default of application.properties. */
    static String logFile(Map<String, String> env, String userHome) {
        String configured = env.get("TUNE_LOG_FILE");
        return configured != null && !configured.isBlank() ? configured
                : Path.of(userHome, ".tune", "logs", "tune.log").toString();
    }

    /** The user error somewhere in the cause chain, or null when it is a bug. */
    static Throwable userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof StoreException || t instanceof UsageException
                    || t instanceof dev.tuneagent.agent.loop.StudyBusyException
                    || t instanceof dev.tuneagent.agent.llm.error.LlmException) {
                return t;
            }
            if (t instanceof ConversionFailedException c) {
                // An option value of the wrong type (`--trials many`): the user's mistake, not a bug.
                return new UsageException("\"" + c.getValue() + "\" is not a valid "
                        + c.getTargetType().getType().getSimpleName() + " (`tune help COMMAND` lists the options and their types)");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static int codeOf(Throwable user) {
        if (user instanceof dev.tuneagent.agent.loop.StudyBusyException) {
            return ExitCodes.STUDY_BUSY;
        }
        if (user instanceof StudyNotFoundException) {
            return ExitCodes.NOT_FOUND;
        }
        if (user instanceof StoreException) {
            return ExitCodes.STORE;
        }
        if (user instanceof CassetteMiss) {
            return ExitCodes.REPLAY_MISMATCH;
        }
        return ExitCodes.USAGE;
    }
}
