package dev.tuneagent.agent.llm.http;

import dev.langchain4j.exception.HttpException;

/**
 * A non-2xx answer from the provider. It extends LangChain4j's {@link HttpException}, so the provider modules map
 * it to their usual exception types; we keep it in the cause chain because it also carries the {@code Retry-After}
 * header that LangChain4j drops. The body is already redacted.
 */
public class ProviderHttpException extends HttpException {
    private static final long serialVersionUID = 1L;
    private final String retryAfter;

    public ProviderHttpException(int statusCode, String redactedBody, String retryAfter) {
        super(statusCode, redactedBody);
        this.retryAfter = retryAfter;
    }

    /** The raw {@code Retry-After} header (seconds or an HTTP date), or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** The response body, already redacted (providers put the reason there, e.g. {@code context_length_exceeded}). */
    public String body() {
        return getMessage();
    }
}
