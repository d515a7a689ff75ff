package dev.tuneagent.core.store;

/**
 * The store cannot do what was asked: missing study, corrupt, locked or read-only file, name taken.
 * The message says what happened and what to do; it is shown to users without a stack trace.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
