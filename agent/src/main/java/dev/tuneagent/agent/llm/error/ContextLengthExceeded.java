package dev.tuneagent.agent.llm.error;

/**
 * The prompt is longer than the model's context window (OpenAI {@code context_length_exceeded}, Anthropic
 * "prompt is too long"). Not retried as is: the caller should shrink the history and call again.
 */
public final class ContextLengthExceeded extends LlmException {
    private static final long serialVersionUID = 1L;

    public ContextLengthExceeded(String message, Throwable cause) {
        super(message, cause);
    }
}
