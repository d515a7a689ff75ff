package dev.tuneagent.core.study;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for study names (task files, {@code --name}, studies made in code): ASCII only, because a
 * name becomes a directory name and a command-line argument on every platform.
 */
public final class StudyNames {
    public static final int MAX_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");
    public static final String EXPECTED = "ASCII letters, digits, '_', '-' or '.', starting with a letter or digit"
            + " (at most " + MAX_LENGTH + " characters)";

    private StudyNames() {
    }

    /** Why {@code name} is not a valid study name (with what is expected), or empty when it is. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a study name is missing; expected " + EXPECTED);
        }
        if (NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String shown = "\"" + printable(name) + "\"";
        int bad = name.codePoints().filter(c -> c > 126 || c < 32).findFirst().orElse(-1);
        if (bad > 126) {
            return Optional.of("got " + shown + ", which has the non-ASCII character '" + Character.toString(bad)
                    + "'; expected " + EXPECTED);
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("got a name of " + name.length() + " characters; expected " + EXPECTED);
        }
        return Optional.of("got " + shown + ", expected " + EXPECTED);
    }

    /** Throws {@link IllegalArgumentException} for an invalid name. */
    public static String check(String name) {
        problem(name).ifPresent(p -> {
            throw new IllegalArgumentException("study name: " + p);
        });
        return name;
    }

    private static String printable(String s) {
        String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return cut.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
