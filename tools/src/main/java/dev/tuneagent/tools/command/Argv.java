package dev.tuneagent.tools.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the argument vector of one trial. Only the task file's own argv is used: the trial's
 * parameter values never become arguments (they go into the params file), so a value such as
 * {@code "; rm -rf /"} or {@code --evil} cannot inject anything.
 */
public final class Argv {
    public static final String PARAMS_PLACEHOLDER = "{params}";

    private Argv() {
    }

    /** Replaces {@code {params}} inside every element with the params file's path. */
    public static List<String> substitute(List<String> argv, Path paramsFile) {
        List<String> out = new ArrayList<>(argv.size());
        String path = paramsFile.toAbsolutePath().toString();
        for (String a : argv) {
            out.add(a.replace(PARAMS_PLACEHOLDER, path));
        }
        return out;
    }

    /**
     * Why the program {@code argv[0]} cannot be started, or empty when it can. A bare name is looked
     * up on {@code path} (the PATH variable); a name with a slash is resolved against {@code cwd}.
     */
    public static Optional<String> problemWithProgram(String program, String path, Path cwd) {
        if (program == null || program.isBlank()) {
            return Optional.of("job.argv[0] is empty; it must name the program to run");
        }
        if (program.contains("/")) {
            Path p = cwd.resolve(program);
            if (!Files.exists(p)) {
                return Optional.of(program + ": no such file; fix job.argv[0]");
            }
            if (Files.isDirectory(p) || !Files.isExecutable(p)) {
                return Optional.of(program + ": not an executable file (chmod +x it, or run it through its interpreter,"
                        + " e.g. [python3, " + program + "]); fix job.argv[0]");
            }
            return Optional.empty();
        }
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir).resolve(program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.empty();
                }
            } catch (java.nio.file.InvalidPathException e) {
                // A malformed PATH entry cannot hold the program.
            }
        }
        return Optional.of(program + ": command not found on PATH; fix job.argv[0]");
    }
}
