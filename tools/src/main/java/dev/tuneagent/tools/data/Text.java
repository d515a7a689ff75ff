package dev.tuneagent.tools.data;

/**
 * Shows untrusted text (column names and cells of a user's CSV) inside our own messages: quoted,
 * control characters escaped and long values cut, so a crafted header cannot forge extra lines
 * in an error message, a log or a prompt.
 */
public final class Text {
    static final int MAX_SHOWN = 60;

    private Text() {
    }

    public static String quote(String s) {
        if (s == null) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < s.length() && shown < MAX_SHOWN; i++, shown++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > MAX_SHOWN) {
            b.append("...");
        }
        return b.append('"').toString();
    }

    /** Up to {@code max} quoted names, then how many more there are. */
    public static String list(java.util.List<String> names, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(max, names.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(names.get(i)));
        }
        if (names.size() > max) {
            b.append(" and ").append(names.size() - max).append(" more");
        }
        return b.toString();
    }
}
