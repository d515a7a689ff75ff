package dev.tuneagent.agent.llm;

import dev.tuneagent.agent.llm.resilience.CircuitBreaker;
import dev.tuneagent.agent.llm.resilience.RetryPolicy;
import dev.tuneagent.agent.llm.resilience.Sleeper;
import dev.tuneagent.core.task.LlmSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared fixtures: configs resolved from a fake environment, and a sleeper that only records. */
public final class TestConfigs {
    public static final String PLANTED_KEY = "sk-test-PLANTED-KEY-123";

    private TestConfigs() {
    }

    public static LlmSpec spec(String model, String baseUrl, String cassette, Duration timeout) {
        return LlmSpec.builder().model(model).baseUrl(baseUrl).cassette(cassette).timeout(timeout).temperature(0.0).build();
    }

    public static ResolvedLlmConfig resolve(LlmSpec cli, Map<String, String> env) {
        return new LlmConfigResolver(env, LlmConfigFile.none()).resolve(cli, null, null);
    }

    /** A sleeper that returns at once and remembers what it was asked to wait. */
    public static final class RecordingSleeper implements Sleeper {
        public final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }

    /** A clock tests move by hand. */
    public static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    public static TransportOptions fastOptions(ManualClock clock, RecordingSleeper sleeper) {
        return TransportOptions.defaults().withClock(clock, sleeper).withSeed(42)
                .withRetry(RetryPolicy.defaults())
                .withBreaker(new CircuitBreaker.Policy(5, Duration.ofSeconds(60)));
    }
}
