package dev.tuneagent.shell;

/** A command line that cannot be run (unknown command, missing or malformed option). */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
