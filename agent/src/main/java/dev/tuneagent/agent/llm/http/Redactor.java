package dev.tuneagent.agent.llm.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything we write down (cassettes, exception messages, logs): the known key values, and as
 * a second line of defence any token shaped like a provider key. Request bodies pass through it both when recording
 * and when replaying, so matching still works after redaction.
 */
public final class Redactor {
    public static final String MARK = "[REDACTED]";
    /** Headers whose value is a credential; compared case-insensitively. */
    public static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "api-key",
            "proxy-authorization", "x-goog-api-key", "cookie", "set-cookie");
    // OpenAI (sk-..., sk-proj-...) and Anthropic (sk-ant-...) keys; long enough not to hit prose like "sk-learn".
    private static final Pattern KEY_SHAPED = Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_\\-]{16,}");

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String v : secrets) {
            if (v != null && v.length() >= 4) {
                s.add(v);
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed()); // longest first: a key may contain a shorter one
        this.secrets = List.copyOf(s);
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MARK);
        }
        return KEY_SHAPED.matcher(out).replaceAll(MARK);
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
