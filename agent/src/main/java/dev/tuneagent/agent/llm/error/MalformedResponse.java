package dev.tuneagent.agent.llm.error;

/**
 * A 2xx answer we could not use at the transport level: not JSON, or no message in it (e.g. empty
 * {@code choices}). A reply that is well-formed but says the wrong thing (prose, a refusal) is NOT this: it passes
 * through as text and the proposer's strict parser rejects it.
 */
public final class MalformedResponse extends LlmException {
    private static final long serialVersionUID = 1L;

    public MalformedResponse(String message, Throwable cause) {
        super(message, cause);
    }
}
