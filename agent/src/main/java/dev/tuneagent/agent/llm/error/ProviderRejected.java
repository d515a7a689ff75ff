package dev.tuneagent.agent.llm.error;

/**
 * The provider refused the request for a reason retrying cannot fix: a bad key (401/403), an unknown model (404), an
 * invalid request (other 400s). The message says which setting to check.
 */
public final class ProviderRejected extends LlmException {
    private static final long serialVersionUID = 1L;
    private final int statusCode;

    public ProviderRejected(int statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
