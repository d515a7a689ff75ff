package dev.tuneagent.core.store.sqlite;

import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StoreLockedException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/** Turns SQLite's result codes into messages that say what happened to which file and what to do. */
final class SqliteErrors {
    // Primary result codes from https://sqlite.org/rescode.html (extended codes share the low byte).
    static final int BUSY = 5;
    static final int LOCKED = 6;
    static final int READONLY = 8;
    static final int CORRUPT = 11;
    static final int FULL = 13;
    static final int CANTOPEN = 14;
    static final int NOTADB = 26;

    private SqliteErrors() {
    }

    static StoreException translate(SQLException e, Path file, String action, Duration busyTimeout) {
        int code = e.getErrorCode() & 0xFF;
        String detail = e.getMessage();
        return switch (code) {
            case BUSY, LOCKED -> locked(file, busyTimeout, e);
            case READONLY -> readOnlyFile(file, e);
            case CORRUPT, NOTADB -> notOurs(file, detail, e);
            case FULL -> new StoreException("the disk holding " + file + " is full while " + action
                    + "; free some space and run the command again (nothing stored was lost)", e);
            case CANTOPEN -> new StoreException("cannot open the database " + file + " while " + action + ": " + detail
                    + "; check that its directory exists and is writable, or choose another file with "
                    + "--storage sqlite:PATH", e);
            default -> new StoreException("database error on " + file + " while " + action + ": " + detail, e);
        };
    }

    static StoreException notOurs(Path file, String detail, Throwable cause) {
        return new StoreException(file + " is not a tune-agent database (or is corrupt): " + detail
                + "; restore it from a backup or choose another file with --storage sqlite:PATH", cause);
    }

    static StoreException locked(Path file, Duration busyTimeout, Throwable cause) {
        return new StoreLockedException("the database " + file + " is locked by another process (waited "
                + busyTimeout.toMillis() + " ms); another tune command may be writing to it: wait for it to finish, "
                + "or use another file with --storage sqlite:PATH", cause);
    }

    static StoreException readOnlyFile(Path file, Throwable cause) {
        return new StoreException("the database " + file + " is read-only; make it writable (chmod u+w " + file
                + ") or choose another file with --storage sqlite:PATH", cause);
    }

    static StoreException readOnlyDirectory(Path dir, Path file) {
        return new StoreException("the directory " + dir + " is read-only, but tune-agent must create " + file
                + " and its -wal and -shm files there; make it writable (chmod u+w " + dir
                + ") or choose another file with --storage sqlite:PATH");
    }

    static StoreException newerSchema(Path file, int found, int supported) {
        return new StoreException(file + " was written by a newer tune-agent (schema version " + found
                + "; this version understands up to " + supported + "); upgrade tune-agent to use it. "
                + "The file was not changed");
    }
}
