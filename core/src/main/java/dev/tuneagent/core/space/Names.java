package dev.tuneagent.core.space;

import java.util.regex.Pattern;

final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private Names() {
    }

    static void check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name " + (name == null ? "(missing)" : "\"" + name + "\"")
                    + " is not valid: use ASCII letters, digits, '_', '-' or '.', starting with a letter or '_' (at most 64)");
        }
    }
}
