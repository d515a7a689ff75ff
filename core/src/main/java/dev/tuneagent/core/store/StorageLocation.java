package dev.tuneagent.core.store;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where studies are stored, as given by {@code --storage}: {@code sqlite:PATH} (relative to the working
 * directory, {@code ~} expanded) or {@code memory:}. Without one, {@code TUNE_STORAGE} from the
 * environment, else {@code ~/.tune/tune.db}.
 */
public sealed interface StorageLocation {
    String ENV = "TUNE_STORAGE";
    String ACCEPTED = "sqlite:PATH (e.g. sqlite:tune.db or sqlite:~/.tune/tune.db) or memory:";

    /** The URI form, e.g. {@code sqlite:/home/me/.tune/tune.db}. */
    String uri();

    record Sqlite(Path file) implements StorageLocation {
        @Override
        public String uri() {
            return "sqlite:" + file;
        }
    }

    record Memory() implements StorageLocation {
        @Override
        public String uri() {
            return "memory:";
        }
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
                return parse(ENV, fromEnv, workingDir, home);
            }
            return new Sqlite(home.resolve(".tune").resolve("tune.db").toAbsolutePath().normalize());
        }
        return parse("--storage", uri, workingDir, home);
    }

    private static StorageLocation parse(String source, String uri, Path workingDir, Path home) {
        String u = uri.trim();
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
        throw ConfigException.of(source, uri, ACCEPTED);
    }
}
