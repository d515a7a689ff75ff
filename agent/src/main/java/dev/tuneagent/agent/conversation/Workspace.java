package dev.tuneagent.agent.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The folder the agent may read from: the working directory. A path the model names must stay inside it after
 * following symlinks; {@code ..}, absolute paths elsewhere and links that point out are refused, so a model cannot
 * make us read (and send to a provider) a file the user did not put here.
 */
public final class Workspace {
    /** How deep {@link #csvFiles()} looks: the folder and its immediate subfolders. */
    private static final int DEPTH = 2;
    private final Path root;
    private final Path realRoot;

    public Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("working directory " + root + " is not readable: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The file {@code text} names, resolved against the folder.
     *
     * @throws ToolRefusal when it is absolute outside the folder, uses {@code ..}, escapes through a symlink, or is
     *                     not an existing regular file
     */
    public Path resolve(String text) {
        if (text == null || text.isBlank()) {
            throw new ToolRefusal("path: missing; give a CSV file inside " + root + " (see list_datasets)");
        }
        Path given = Path.of(text.strip());
        for (Path part : given) {
            if (part.toString().equals("..")) {
                throw new ToolRefusal("path: \"" + text + "\" uses \"..\"; only files inside the working directory "
                        + root + " can be read");
            }
        }
        Path p = root.resolve(given).normalize();
        if (!p.startsWith(root)) {
            throw new ToolRefusal("path: \"" + text + "\" is outside the working directory " + root
                    + "; only files inside it (or a bundled data set) can be used");
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolRefusal("path: no such file \"" + text + "\" in " + root + " (list_datasets lists the CSV files)");
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw new ToolRefusal("path: \"" + text + "\" cannot be read: " + e.getMessage());
        }
        if (!real.startsWith(realRoot)) {
            throw new ToolRefusal("path: \"" + text + "\" is a link to a file outside the working directory " + root
                    + "; only files inside it can be used");
        }
        if (!Files.isRegularFile(real)) {
            throw new ToolRefusal("path: \"" + text + "\" is not a file");
        }
        return p;
    }

    /** The path as the user would write it in a task file here: relative to the folder. */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString();
    }

    /** CSV files in the folder and its subfolders (one level), relative paths, sorted; links that leave it are skipped. */
    public List<String> csvFiles() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, DEPTH)) {
            files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .map(this::relative)
                    .filter(this::inside)
                    .sorted()
                    .forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable subfolder: list what was found
        }
        return out;
    }

    private boolean inside(String relative) {
        try {
            resolve(relative);
            return true;
        } catch (ToolRefusal r) {
            return false;
        }
    }
}
