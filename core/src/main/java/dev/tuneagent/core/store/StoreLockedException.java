package dev.tuneagent.core.store;

/**
 * Another process held the store's write lock for longer than the store waits (SQLite's busy timeout).
 * Unlike a corrupt or read-only store this passes, so a caller holding a result worth keeping retries.
 */
public class StoreLockedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
