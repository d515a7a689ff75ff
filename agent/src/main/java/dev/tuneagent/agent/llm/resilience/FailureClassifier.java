package dev.tuneagent.agent.llm.resilience;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.TimeoutException;
import dev.tuneagent.agent.llm.http.ProviderHttpException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;

/**
 * Sorts an exception from a provider call into a {@link Failure}. LangChain4j wraps our transport's exceptions, so
 * we walk the cause chain for the ones we threw ({@link ProviderHttpException}, timeouts, I/O errors).
 */
final class FailureClassifier {
    private final String keySource;

    /** @param keySource where the key came from (e.g. {@code OPENAI_API_KEY}), named in the 401 message; may be null */
    FailureClassifier(String keySource) {
        this.keySource = keySource;
    }

    Failure classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ProviderHttpException p) {
                return http(p);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c instanceof InterruptedIOException) {
                return new Failure.Transient("timed out waiting for the provider", null);
            }
            if (c instanceof JsonProcessingException) {
                return new Failure.Malformed("the provider's answer is not valid JSON");
            }
            if (c instanceof IOException io) {
                return new Failure.Transient("connection failed (" + io.getClass().getSimpleName()
                        + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ")", null);
            }
        }
        // LangChain4j throws NPEs/IndexOutOfBounds/its own exceptions when a 2xx body lacks the expected fields.
        return new Failure.Malformed("the provider's answer could not be read (" + t.getClass().getSimpleName() + ")");
    }

    /** The caller's thread was interrupted (a study being stopped), as opposed to the provider failing. */
    static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.nio.channels.ClosedByInterruptException
                    || (c instanceof InterruptedIOException && !(c instanceof java.net.SocketTimeoutException)
                    && "interrupted".equals(c.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private Failure http(ProviderHttpException p) {
        int s = p.statusCode();
        String body = p.body() == null ? "" : p.body();
        if (s == 429) {
            return new Failure.Transient("HTTP 429 rate limited", p.retryAfter());
        }
        if (s == 408 || s >= 500) {
            return new Failure.Transient("HTTP " + s + " " + excerpt(body), p.retryAfter());
        }
        if ((s == 400 || s == 413) && isContextLength(body)) {
            return new Failure.ContextLength("HTTP " + s + ": the prompt is longer than the model's context window ("
                    + excerpt(body) + ")");
        }
        if (s == 401 || s == 403) {
            String where = keySource == null ? "the configured API key" : "the API key in " + keySource;
            return new Failure.Rejected(s, "the provider rejected " + where + " (HTTP " + s + "); check it", true);
        }
        if (s == 404) {
            return new Failure.Rejected(s, "HTTP 404: the provider does not know this model or endpoint; check "
                    + "--model and the base URL (OpenAI-compatible servers need /v1): " + excerpt(body), true);
        }
        return new Failure.Rejected(s, "HTTP " + s + ": the provider refused the request: " + excerpt(body), false);
    }

    static boolean isContextLength(String body) {
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("context_length_exceeded") || b.contains("prompt is too long")
                || b.contains("maximum context length") || b.contains("context window")
                || b.contains("too many tokens");
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
