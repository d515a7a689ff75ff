package dev.tuneagent.core.store.postgres;

import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StoreException;
import java.sql.SQLException;

/**
 * Turns PostgreSQL's SQLSTATE codes into messages that say what is wrong with which server and what to do.
 * Messages name the location without its password ({@link StorageLocation.Postgres#uri()}); the driver's
 * own messages never contain it either.
 */
final class PostgresErrors {
    private PostgresErrors() {
    }

    static StoreException translate(SQLException e, StorageLocation.Postgres at, String action) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = "PostgreSQL at " + at.host() + ":" + at.port();
        String detail = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\.$", "");
        if ("28P01".equals(state)) {
            return new StoreException(server + " refused the password for user \"" + at.user() + "\" (while " + action
                    + "); give the right one in the URL (postgresql://USER:PASSWORD@HOST:PORT/DB), in PGPASSWORD or in"
                    + " ~/.pgpass (mode 0600)", e);
        }
        if (at.password() == null && detail != null && detail.contains("no password was provided")) {
            return new StoreException(server + " asks user \"" + at.user() + "\" for a password and none was given;"
                    + " put it in the URL (postgresql://USER:PASSWORD@HOST:PORT/DB), in PGPASSWORD or in ~/.pgpass"
                    + " (mode 0600: a file others can read is ignored)", e);
        }
        if ("28000".equals(state)) {
            return new StoreException(server + " does not let user \"" + at.user() + "\" connect to database \""
                    + at.database() + "\": " + detail + "; ask its administrator (pg_hba.conf) or fix --storage", e);
        }
        if ("3D000".equals(state)) {
            return new StoreException("database \"" + at.database() + "\" does not exist on " + server
                    + "; create it (createdb -h " + at.host() + " -p " + at.port() + " -U " + at.user() + " "
                    + at.database() + ") or fix the database name in --storage", e);
        }
        if (state.startsWith("08") || isConnectFailure(e)) {
            return new StoreException("cannot connect to " + server + " (while " + action + "): " + detail
                    + "; is the server running and reachable there? check the host and port in --storage", e);
        }
        if ("42501".equals(state)) {
            return new StoreException("user \"" + at.user() + "\" lacks a privilege on " + at.uri() + " while "
                    + action + ": " + detail + "; grant it, or choose a schema the user owns with ?schema=NAME", e);
        }
        return new StoreException("database error on " + at.uri() + " while " + action + ": " + detail, e);
    }

    private static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static StoreException notOurs(StorageLocation.Postgres at, String detail) {
        return new StoreException(at.uri() + " is not a tune-agent store: " + detail + "; nothing was changed. "
                + "Choose another database, or a schema of its own with ?schema=NAME (e.g. " + at.uri()
                + (at.uri().contains("?") ? "" : "?schema=tune") + ")");
    }

    static StoreException newer(StorageLocation.Postgres at, int found) {
        return new StoreException(at.uri() + " was written by a newer tune-agent (schema version " + found
                + "; this version understands up to " + PostgresSchema.VERSION + "); upgrade tune-agent to use it. "
                + "Nothing was changed");
    }
}
