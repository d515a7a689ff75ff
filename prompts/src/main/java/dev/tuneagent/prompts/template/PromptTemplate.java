package dev.tuneagent.prompts.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt template loaded from {@code prompts/<name>/<version>.txt} on the class path.
 * Rendering is strict and single-pass: every placeholder must be given, every given variable must be
 * used, and substituted text is never scanned again, so a value that contains {@code {{x}}} (for
 * example a column name chosen by a hostile data set) stays literal text.
 */
public record PromptTemplate(String name, String version, String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_][a-z0-9_]*)}}");

    public PromptTemplate {
        if (name == null || !name.matches("[a-z][a-z0-9-]*") || version == null || !version.matches("v[0-9]+")) {
            throw new IllegalArgumentException("template id must be <lower-case-name>/v<N>, got " + name + "/" + version);
        }
    }

    /** Loads {@code prompts/<name>/<version>.txt}; a missing resource is a programming error. */
    public static PromptTemplate load(String name, String version) {
        String path = "prompts/" + name + "/" + version + ".txt";
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt template " + path + " is not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return new PromptTemplate(name, version, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read prompt template " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@code name/version}, what provenance records. */
    public String id() {
        return name + "/" + version;
    }

    public Set<String> placeholders() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    public String render(Map<String, String> vars) {
        Set<String> needed = placeholders();
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(vars.keySet());
        Set<String> unused = new TreeSet<>(vars.keySet());
        unused.removeAll(needed);
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException("template " + id() + ": "
                    + (missing.isEmpty() ? "" : "missing variables " + missing + " ")
                    + (unused.isEmpty() ? "" : "unknown variables " + unused));
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + id() + ": variable " + m.group(1) + " is null");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
