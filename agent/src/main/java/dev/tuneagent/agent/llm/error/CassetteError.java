package dev.tuneagent.agent.llm.error;

/**
 * The cassette directory could not be read (a corrupt exchange file) or written (disk full, no permission). Never
 * retried: in record mode a retry would pay the provider again for an answer we still could not store.
 */
public final class CassetteError extends LlmException {
    private static final long serialVersionUID = 1L;

    public CassetteError(String message, Throwable cause) {
        super(message, cause);
    }
}
