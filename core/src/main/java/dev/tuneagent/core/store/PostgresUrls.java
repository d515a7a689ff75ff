package dev.tuneagent.core.store;

import dev.tuneagent.core.config.ConfigException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code postgresql://USER:PASSWORD@HOST:PORT/DB?schema=S} and the JDBC form
 * {@code jdbc:postgresql://HOST:PORT/DB?user=U&password=P}. A password not in the URL comes from
 * {@code PGPASSWORD}, else from {@code ~/.pgpass} (or {@code PGPASSFILE}). The password never appears in a
 * message: every error shows the URL with it replaced by {@code ***}.
 */
final class PostgresUrls {
    static final int DEFAULT_PORT = 5432;
    /** Driver options a URL may carry besides ours ({@code schema}); anything else is a typo until proven not. */
    static final List<String> OPTIONS = List.of("schema", "user", "password", "sslmode", "sslrootcert", "sslcert",
            "sslkey", "connectTimeout", "applicationName");
    private static final Pattern URL = Pattern.compile(
            "(?:jdbc:)?postgres(?:ql)?://(?:([^@/?]*)@)?(\\[[0-9A-Fa-f:.]+]|[^:/?@\\[]+)?(?::(\\d{1,5}))?(?:/([^?]*))?(?:\\?(.*))?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PASSWORD_PART = Pattern.compile("(://[^:@/?]*:)([^@/?]*)(@)");
    private static final Pattern PASSWORD_OPTION = Pattern.compile("([?&]password=)([^&]*)", Pattern.CASE_INSENSITIVE);

    private PostgresUrls() {
    }

    static boolean isPostgres(String uri) {
        String u = uri.trim().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("postgresql:") || u.startsWith("postgres:") || u.startsWith("jdbc:postgresql:");
    }

    /** {@code uri} with any password replaced by {@code ***}, for messages. */
    static String redact(String uri) {
        String out = PASSWORD_PART.matcher(uri).replaceAll("$1***$3");
        return PASSWORD_OPTION.matcher(out).replaceAll("$1***");
    }

    static StorageLocation.Postgres parse(String source, String uri, Path home, Map<String, String> env) {
        String shown = redact(uri.trim());
        String expected = "postgresql://USER:PASSWORD@HOST:PORT/DATABASE (or jdbc:postgresql://HOST:PORT/DATABASE"
                + "?user=USER; the password may also come from PGPASSWORD or ~/.pgpass)";
        Matcher m = URL.matcher(uri.trim());
        if (!m.matches()) {
            throw ConfigException.of(source, shown, expected);
        }
        Map<String, String> options = options(source, shown, m.group(5));
        String user = null;
        String password = null;
        if (m.group(1) != null) {
            String info = m.group(1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        user = options.containsKey("user") ? options.remove("user") : user;
        password = options.containsKey("password") ? options.remove("password") : password;
        String host = m.group(2) == null || m.group(2).isEmpty() ? null : m.group(2);
        if (host == null) {
            throw ConfigException.of(source, shown, expected + "; the host is missing");
        }
        int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw ConfigException.of(source, shown, expected + "; the port must be between 1 and 65535");
        }
        String database = m.group(4) == null ? "" : decode(m.group(4));
        if (database.isEmpty() || database.contains("/")) {
            throw ConfigException.of(source, shown, expected + "; the database name is missing after the host");
        }
        if (user == null || user.isEmpty()) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        String schema = options.containsKey("schema") ? options.remove("schema") : "public";
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw ConfigException.of(source + " (schema=)", schema,
                    "a lower-case SQL name: a letter or _, then letters, digits or _ (at most 63)");
        }
        if (password == null || password.isEmpty()) {
            password = env.get("PGPASSWORD");
        }
        if (password == null || password.isEmpty()) {
            String passFile = env.get("PGPASSFILE");
            Path file = passFile != null && !passFile.isBlank() ? Path.of(passFile) : home.resolve(".pgpass");
            password = PgPass.lookup(file, host, port, database, user).orElse(null);
        }
        return new StorageLocation.Postgres(host, port, database, user, password, schema, options);
    }

    private static Map<String, String> options(String source, String shown, String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!OPTIONS.contains(key)) {
                throw ConfigException.of(source, shown, "only these options after '?': " + OPTIONS
                        + " (unknown: \"" + key + "\")");
            }
            out.put(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
