package dev.tuneagent.agent.llm.error;

/**
 * A chat call failed in a way the caller should handle by degrading (shrink the prompt, fall back to the GP), not
 * by crashing the study. Messages say what happened and what to do, and never contain a key.
 */
public abstract sealed class LlmException extends RuntimeException
        permits ProviderUnavailable, ContextLengthExceeded, ProviderRejected, MalformedResponse, CassetteMiss,
        CassetteError {
    private static final long serialVersionUID = 1L;

    protected LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
