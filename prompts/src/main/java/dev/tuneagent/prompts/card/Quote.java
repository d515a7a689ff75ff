package dev.tuneagent.prompts.card;

/**
 * Turns untrusted text (column names, a task description, categorical labels) into a JSON string
 * literal so a prompt shows it as data: quotes, backslashes and control characters are escaped,
 * {@code #} is escaped too (so the text can never form the reply delimiter {@code ##}), and the
 * length is capped.
 */
public final class Quote {
    private Quote() {
    }

    public static String data(String raw, int maxChars) {
        String s = raw == null ? "" : raw;
        if (s.length() > maxChars) {
            s = s.substring(0, maxChars) + "...";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '#' -> out.append("\\u0023");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
