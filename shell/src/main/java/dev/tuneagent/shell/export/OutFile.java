package dev.tuneagent.shell.export;

import dev.tuneagent.shell.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Writes a command's {@code --out FILE}: a failure is a user error naming the option and the file. */
public final class OutFile {
    private OutFile() {
    }

    public static Path write(String out, byte[] bytes) {
        Path file = path(out);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UsageException("--out: cannot write " + out + ": the directory " + parent + " does not exist");
            }
            if (Files.isDirectory(file)) {
                throw new UsageException("--out: cannot write " + out + ": it is a directory; give a file name");
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException | SecurityException e) {
            throw new UsageException("--out: cannot write " + out + ": " + reason(e));
        }
    }

    public static Path path(String out) {
        try {
            return Path.of(out);
        } catch (InvalidPathException e) {
            throw new UsageException("--out: \"" + out + "\" is not a valid file name (" + e.getReason() + ")");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
