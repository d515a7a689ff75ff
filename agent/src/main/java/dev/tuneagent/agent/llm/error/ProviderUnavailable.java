package dev.tuneagent.agent.llm.error;

/**
 * The provider could not be reached or kept failing (429, 5xx, resets, timeouts) after the bounded retries, or the
 * circuit breaker is open and the call was not even attempted. Fall back to the GP.
 */
public final class ProviderUnavailable extends LlmException {
    private static final long serialVersionUID = 1L;
    private final boolean circuitOpen;

    public ProviderUnavailable(String message, boolean circuitOpen, Throwable cause) {
        super(message, cause);
        this.circuitOpen = circuitOpen;
    }

    /** True when the call failed fast because the breaker is open (no request was sent). */
    public boolean circuitOpen() {
        return circuitOpen;
    }
}
