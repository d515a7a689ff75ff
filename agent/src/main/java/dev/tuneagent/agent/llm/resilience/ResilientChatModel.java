package dev.tuneagent.agent.llm.resilience;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tuneagent.agent.llm.error.CassetteError;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.llm.error.ContextLengthExceeded;
import dev.tuneagent.agent.llm.error.LlmException;
import dev.tuneagent.agent.llm.error.MalformedResponse;
import dev.tuneagent.agent.llm.error.ProviderRejected;
import dev.tuneagent.agent.llm.error.ProviderUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Wraps a provider's {@link ChatModel}: bounded retries of transient faults (honouring {@code Retry-After}), a
 * circuit breaker, and one {@link LlmException} type per thing the caller can do about a failure. The retry loop
 * is {@link #doChat}: LangChain4j's {@link ChatModel#chat(ChatRequest)} merges {@link #defaultRequestParameters()}
 * into the request and tells the {@link #listeners()} (LangChain4j's {@link ChatModelListener}s, which observe each
 * logical call and cannot break it) before and after it. Tokens and dollars are counted where they are capped, in
 * the study (see {@code LlmSession}). The wrapped model must have its own retries off.
 */
public final class ResilientChatModel implements ChatModel {
    private static final System.Logger LOG = System.getLogger("dev.tuneagent.agent.llm");

    private final ChatModel delegate;
    private final String name;
    private final RetryPolicy retry;
    private final Backoff backoff;
    private final CircuitBreaker breaker;
    private final FailureClassifier classifier;
    private final Sleeper sleeper;
    private final Clock clock;
    private final List<ChatModelListener> listeners;

    /**
     * @param name      {@code provider:name}, used in messages and records
     * @param keySource where the key came from, named when the provider rejects it (null: no key)
     * @param listeners observe every logical call (after its retries); see {@link ChatModelListener}
     */
    public ResilientChatModel(ChatModel delegate, String name, String keySource, RetryPolicy retry, long seed,
                              CircuitBreaker breaker, Sleeper sleeper, Clock clock, List<ChatModelListener> listeners) {
        this.delegate = delegate;
        this.name = name;
        this.retry = retry;
        this.backoff = new Backoff(retry, seed);
        this.breaker = breaker;
        this.classifier = new FailureClassifier(keySource);
        this.sleeper = sleeper;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Instant start = clock.instant();
        for (int attempts = 1; ; attempts++) {
            try {
                breaker.beforeCall();
            } catch (ProviderUnavailable open) {
                throw report(open, attempts - 1);
            }
            Failure failure;
            RuntimeException cause;
            try {
                ChatResponse response = delegate.chat(request);
                if (hasNoMessage(response)) {
                    throw new MalformedResponse(name + ": the provider's answer held no message", null);
                }
                breaker.onSuccess();
                if (attempts > 1) {
                    LOG.log(System.Logger.Level.INFO, "{0}: answered after {1} attempts", name, attempts);
                }
                return response;
            } catch (MalformedResponse m) {
                failure = new Failure.Malformed(m.getMessage());
                cause = m;
            } catch (RuntimeException e) {
                LlmException cassette = cassetteProblem(e);
                if (cassette != null) {
                    breaker.onNeutral();
                    throw report(cassette, attempts);
                }
                failure = classifier.classify(e);
                cause = e;
            }
            Duration wait = waitBeforeRetry(failure, cause, attempts, start);
            LOG.log(System.Logger.Level.INFO, "{0}: {1}; retrying in {2} ms (attempt {3} of {4})", name,
                    failure.reason(), wait.toMillis(), attempts + 1, retry.maxAttempts());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw report(new ProviderUnavailable(name + ": interrupted while waiting to retry", false, ie),
                        attempts);
            }
        }
    }

    /** Records the failed attempt with the breaker, then either throws what the caller should see or says how long to wait. */
    private Duration waitBeforeRetry(Failure failure, RuntimeException cause, int attempts, Instant start) {
        if (FailureClassifier.isInterruption(cause)) {
            Thread.currentThread().interrupt(); // keep the flag for the loop that is stopping
        }
        if (Thread.currentThread().isInterrupted()) {
            breaker.onNeutral(); // the study is being stopped (Ctrl-C): do not retry or sleep
            throw report(new ProviderUnavailable(name + ": interrupted (" + failure.reason() + ")", false, cause),
                    attempts);
        }
        if (failure instanceof Failure.ContextLength c) {
            breaker.onNeutral();
            throw report(new ContextLengthExceeded(name + ": " + c.reason(), cause), attempts);
        }
        if (failure instanceof Failure.Rejected r) {
            if (r.countsAgainstProvider()) {
                breaker.onFailure(r.reason());
            } else {
                breaker.onNeutral();
            }
            throw report(new ProviderRejected(r.status(), name + ": " + r.reason(), cause), attempts);
        }
        breaker.onFailure(failure.reason());
        if (failure instanceof Failure.Malformed m) {
            throw report(new MalformedResponse(m.reason().startsWith(name) ? m.reason() : name + ": " + m.reason(),
                    cause), attempts);
        }
        Failure.Transient t = (Failure.Transient) failure;
        String tried = attempts + " attempt" + (attempts == 1 ? "" : "s");
        Optional<Duration> asked = RetryAfter.parse(t.retryAfter(), clock);
        if (asked.isPresent() && asked.get().compareTo(retry.maxRetryAfter()) > 0) {
            throw unavailable(t.reason() + "; the provider asked us to wait " + asked.get().toSeconds()
                    + " s, more than the " + retry.maxRetryAfter().toSeconds() + " s we wait", cause, attempts);
        }
        if (breaker.state() != CircuitBreaker.State.CLOSED) {
            // this failure opened the circuit: waiting for a retry the breaker would refuse is pointless
            throw unavailable(t.reason() + "; the circuit breaker opened after repeated failures, so the provider "
                    + "is not called for a while", cause, attempts);
        }
        if (attempts >= retry.maxAttempts()) {
            throw unavailable(t.reason() + " (gave up after " + tried + ")", cause, attempts);
        }
        Duration wait = asked.orElseGet(() -> backoff.delay(attempts));
        Duration elapsed = Duration.between(start, clock.instant());
        if (elapsed.plus(wait).compareTo(retry.maxElapsed()) > 0) {
            throw unavailable(t.reason() + " (gave up after " + tried + " and " + elapsed.toSeconds()
                    + " s; retries stop at " + retry.maxElapsed().toSeconds() + " s)", cause, attempts);
        }
        return wait;
    }

    private LlmException unavailable(String reason, Throwable cause, int attempts) {
        return report(new ProviderUnavailable(name + ": " + reason, false, cause), attempts);
    }

    /** A cassette failure wrapped by LangChain4j on its way up, if any. */
    private static LlmException cassetteProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CassetteMiss || c instanceof CassetteError) {
                return (LlmException) c;
            }
        }
        return null;
    }

    private static boolean hasNoMessage(ChatResponse r) {
        return r == null || r.aiMessage() == null
                || (r.aiMessage().text() == null && !r.aiMessage().hasToolExecutionRequests());
    }

    private LlmException report(LlmException e, int attempts) {
        // a refused call while the circuit is open is expected and frequent: keep it out of the warnings
        boolean refused = e instanceof ProviderUnavailable u && u.circuitOpen();
        LOG.log(refused ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, "{0} ({1} attempt(s))",
                e.getMessage(), attempts);
        return e;
    }

    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return listeners;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }
}
