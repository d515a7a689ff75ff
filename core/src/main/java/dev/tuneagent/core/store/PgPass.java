package dev.tuneagent.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a password from a libpq password file ({@code ~/.pgpass}): lines {@code host:port:database:user:password},
 * {@code *} matching anything, {@code \:} and {@code \\} escaped, first match wins. Like libpq, a file that
 * its group or others can read is ignored, so a password is never taken from a file that leaks it.
 */
final class PgPass {
    private PgPass() {
    }

    static Optional<String> lookup(Path file, String host, int port, String database, String user) {
        if (!Files.isRegularFile(file) || tooOpen(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() != 5) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                match = f.get(i).equals("*") || f.get(i).equals(wanted[i]);
            }
            if (match) {
                return Optional.of(f.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean tooOpen(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Splits on unescaped colons; the last field (the password) keeps any further colons. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
