package dev.tuneagent.agent.llm;

import dev.tuneagent.agent.llm.resilience.CircuitBreaker;
import dev.tuneagent.agent.llm.resilience.RetryPolicy;
import dev.tuneagent.agent.llm.resilience.Sleeper;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.time.Clock;
import java.util.List;

/**
 * How calls are made, as opposed to which model is called ({@link ResolvedLlmConfig}).
 *
 * @param seed         seeds the backoff jitter, so a rerun waits the same amounts
 * @param recordedWith the honest "what produced this" note written into recorded cassettes; null: "a live
 *                     exchange with HOST"
 * @param cassetteSession lets several models of one run record into the same directory: recording into a
 *                     directory that already holds exchanges is refused unless they carry this same session name
 *                     (null: the directory must be empty), so two recordings never get mixed
 */
public record TransportOptions(Clock clock, Sleeper sleeper, long seed, RetryPolicy retry,
                               CircuitBreaker.Policy breaker, List<ChatModelListener> listeners, String recordedWith,
                               String cassetteSession) {

    public static TransportOptions defaults() {
        return new TransportOptions(Clock.systemUTC(), Sleeper.REAL, 0L, RetryPolicy.defaults(),
                CircuitBreaker.Policy.defaults(), List.of(), null, null);
    }

    public TransportOptions withClock(Clock c, Sleeper s) {
        return new TransportOptions(c, s, seed, retry, breaker, listeners, recordedWith, cassetteSession);
    }

    public TransportOptions withSeed(long s) {
        return new TransportOptions(clock, sleeper, s, retry, breaker, listeners, recordedWith, cassetteSession);
    }

    public TransportOptions withRetry(RetryPolicy r) {
        return new TransportOptions(clock, sleeper, seed, r, breaker, listeners, recordedWith, cassetteSession);
    }

    public TransportOptions withBreaker(CircuitBreaker.Policy b) {
        return new TransportOptions(clock, sleeper, seed, retry, b, listeners, recordedWith, cassetteSession);
    }

    /** Adds a LangChain4j listener that observes every logical call (after retries), e.g. to keep per-call records. */
    public TransportOptions withListener(ChatModelListener l) {
        List<ChatModelListener> more = new java.util.ArrayList<>(listeners);
        more.add(l);
        return new TransportOptions(clock, sleeper, seed, retry, breaker, more, recordedWith, cassetteSession);
    }

    public TransportOptions withRecordedWith(String text) {
        return new TransportOptions(clock, sleeper, seed, retry, breaker, listeners, text, cassetteSession);
    }

    public TransportOptions withCassetteSession(String session) {
        return new TransportOptions(clock, sleeper, seed, retry, breaker, listeners, recordedWith, session);
    }
}
