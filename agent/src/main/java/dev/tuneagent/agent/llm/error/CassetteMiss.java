package dev.tuneagent.agent.llm.error;

/**
 * Replay mode met a request that no recording matches. Never retried and never sent to the network; the message
 * names the request and how to re-record.
 */
public final class CassetteMiss extends LlmException {
    private static final long serialVersionUID = 1L;

    public CassetteMiss(String message) {
        super(message, null);
    }
}
