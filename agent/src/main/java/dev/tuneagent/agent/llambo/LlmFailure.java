package dev.tuneagent.agent.llambo;

/**
 * The LLM part of a proposal could not produce a usable answer; {@link #reason()} is the short text
 * the fallback records in provenance ("token budget exhausted", "unusable reply after 2 attempts:
 * ..."). Never carries a key: reasons are built from our own messages and the transport's redacted ones.
 */
public class LlmFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
