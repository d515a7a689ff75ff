package dev.tuneagent.agent.llm;

import java.util.Objects;

/**
 * An API key that cannot leak by accident: {@link #toString()} never shows it, so records that hold one
 * (and exceptions that print them) stay safe. Only the transport asks for {@link #reveal()}.
 *
 * @param source where the key came from, e.g. {@code OPENAI_API_KEY}; safe to show to users
 */
public final class ApiKey {
    private final String value;
    private final String source;

    public ApiKey(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        this.value = value.strip();
        this.source = Objects.requireNonNull(source);
    }

    /** The secret itself; for the HTTP layer and the redactor only. */
    public String reveal() {
        return value;
    }

    /** Where the key was found (an environment variable or a config-file path), for error messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ApiKey[from " + source + ", redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && k.value.equals(value) && k.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, source);
    }
}
