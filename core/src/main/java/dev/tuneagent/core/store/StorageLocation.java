package dev.tuneagent.core.store;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where studies are stored, as given by {@code --storage}: {@code sqlite:PATH} (relative to the working
 * directory, {@code ~} expanded), {@code postgresql://USER:PASSWORD@HOST:PORT/DB} (or
 * {@code jdbc:postgresql://...}; see {@link PostgresUrls}) or {@code memory:}. Without one,
 * {@code TUNE_STORAGE} from the environment, else {@code ~/.tune/tune.db}.
 */
public sealed interface StorageLocation {
    String ENV = "TUNE_STORAGE";
    String ACCEPTED = "sqlite:PATH (e.g. sqlite:tune.db or sqlite:~/.tune/tune.db), "
            + "postgresql://USER:PASSWORD@HOST:PORT/DATABASE or memory:";

    /** The URI form, e.g. {@code sqlite:/home/me/.tune/tune.db}; never holds a password. */
    String uri();

    record Sqlite(Path file) implements StorageLocation {
        @Override
        public String uri() {
            return "sqlite:" + file;
        }
    }

    /**
     * A PostgreSQL database. {@code password} may be null (the server may not ask for one); it is never part
     * of {@link #uri()} or {@link #toString()}.
     *
     * @param schema  the SQL schema holding the tables ({@code ?schema=}, default {@code public})
     * @param options further driver options from the URL (sslmode, connectTimeout, ...)
     */
    record Postgres(String host, int port, String database, String user, String password, String schema,
                    Map<String, String> options) implements StorageLocation {
        public Postgres {
            options = Map.copyOf(options);
        }

        @Override
        public String uri() {
            return "postgresql://" + user + "@" + host + ":" + port + "/" + database
                    + ("public".equals(schema) ? "" : "?schema=" + schema);
        }

        /** The JDBC URL without user and password (those go to the driver as properties). */
        public String jdbcUrl() {
            StringBuilder url = new StringBuilder("jdbc:postgresql://" + host + ":" + port + "/" + database);
            char sep = '?';
            for (var e : new java.util.TreeMap<>(options).entrySet()) {
                url.append(sep).append(e.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                sep = '&';
            }
            return url.toString();
        }

        @Override
        public String toString() {
            return uri() + (password == null ? "" : " (password set)");
        }
    }

    record Memory() implements StorageLocation {
        @Override
        public String uri() {
            return "memory:";
        }
    }

    /** {@code uri} with any password replaced by {@code ***}: safe to show in a message. */
    static String redact(String uri) {
        return uri == null ? null : PostgresUrls.redact(uri);
    }

    /** Parses {@code uri} against the real working directory, home and environment. */
    static StorageLocation parse(String uri) {
        return parse(uri, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")), System.getenv());
    }

    /**
     * Parses {@code uri}; null or blank means the default ({@code TUNE_STORAGE}, else {@code ~/.tune/tune.db}).
     * Throws {@link ConfigException} naming {@code --storage} (or the variable) for anything else.
     */
    static StorageLocation parse(String uri, Path workingDir, Path home, Map<String, String> env) {
        if (uri == null || uri.isBlank()) {
            String fromEnv = env.get(ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return parse(ENV, fromEnv, workingDir, home, env);
            }
            return new Sqlite(home.resolve(".tune").resolve("tune.db").toAbsolutePath().normalize());
        }
        return parse("--storage", uri, workingDir, home, env);
    }

    private static StorageLocation parse(String source, String uri, Path workingDir, Path home,
                                         Map<String, String> env) {
        String u = uri.trim();
        if (PostgresUrls.isPostgres(u)) {
            return PostgresUrls.parse(source, u, home, env);
        }
        if (u.equals("memory:") || u.equals("memory")) {
            return new Memory();
        }
        if (u.startsWith("sqlite:")) {
            String path = u.substring("sqlite:".length());
            if (path.isEmpty()) {
                throw ConfigException.of(source, uri, ACCEPTED + "; the sqlite: form needs a file path");
            }
            if (path.contains("?")) {
                throw ConfigException.of(source, uri, ACCEPTED + "; a file path without '?'");
            }
            Path p;
            if (path.equals("~")) {
                p = home;
            } else if (path.startsWith("~/")) {
                p = home.resolve(path.substring(2));
            } else {
                p = workingDir.resolve(path);
            }
            return new Sqlite(p.toAbsolutePath().normalize());
        }
        throw ConfigException.of(source, redact(uri), ACCEPTED);
    }
}
