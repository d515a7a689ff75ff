package dev.tuneagent.agent.llm.resilience;

/** What went wrong in one attempt, as far as retrying is concerned. Reasons are short and hold no secrets. */
sealed interface Failure {
    String reason();

    /** Worth another attempt: 429, 5xx, resets, timeouts. {@code retryAfter} is the raw header or null. */
    record Transient(String reason, String retryAfter) implements Failure {
    }

    /** The prompt is too long; the caller must shrink it. */
    record ContextLength(String reason) implements Failure {
    }

    /** Retrying the same request cannot help (bad key, unknown model, invalid request). */
    record Rejected(int status, String reason, boolean countsAgainstProvider) implements Failure {
    }

    /** A 2xx answer without a usable message. */
    record Malformed(String reason) implements Failure {
    }
}
