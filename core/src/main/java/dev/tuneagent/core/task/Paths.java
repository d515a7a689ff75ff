package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Resolves the relative paths of a task file against the task file's directory. */
final class Paths {
    private Paths() {
    }

    /** A data set value is a path (not a bundled name) when it has a separator or a .csv suffix. */
    static boolean looksLikePath(String dataset) {
        return dataset.contains("/") || dataset.contains("\\") || dataset.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * Reads {@code job.argv}. Trials run in their own working directory, so an element naming an existing
     * file next to the task file ({@code train.py}, {@code ./run.sh}) becomes its absolute path; the program
     * name itself is only resolved when it contains a separator (otherwise it is looked up on PATH).
     */
    static List<String> argv(JsonNode node, String path, Path baseDir) {
        if (node == null || node.isNull()) {
            throw new ConfigException(path, "missing; expected a list of strings such as [python3, train.py, \"{params}\"]");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw ConfigException.of(path, Fields.shown(node), "a non-empty list of strings such as [python3, train.py, \"{params}\"]");
        }
        List<String> argv = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!(v.isTextual() || v.isNumber() || v.isBoolean()) || v.asText().isEmpty()) {
                throw ConfigException.of(path + "[" + i + "]", Fields.shown(v), "a non-empty string");
            }
            String arg = v.asText();
            boolean program = i == 0;
            if ((!program || arg.contains("/")) && isRelativeFile(arg, baseDir)) {
                arg = baseDir.resolve(arg).normalize().toString();
            }
            argv.add(arg);
        }
        return argv;
    }

    private static boolean isRelativeFile(String arg, Path baseDir) {
        if (arg.startsWith("-") || arg.contains("{")) {
            return false;
        }
        try {
            Path p = Path.of(arg);
            return !p.isAbsolute() && Files.isRegularFile(baseDir.resolve(p));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
