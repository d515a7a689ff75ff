package dev.tuneagent.agent.llm.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.llm.TestConfigs.ManualClock;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void secondsAreReadAsADelay() {
        assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 1.5 ", clock)).contains(Duration.ofMillis(1500));
    }

    @Test
    void anHttpDateIsReadRelativeToTheClockAndAPastDateMeansNow() {
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:59:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void garbageAndNegativeValuesAreIgnored() {
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-3", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Property
    void backoffStaysWithinItsJitterBandAndCap(@ForAll @IntRange(min = 1, max = 30) int retry,
                                               @ForAll long seed) {
        RetryPolicy p = new RetryPolicy(40, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25, Duration.ofSeconds(60),
                Duration.ofMinutes(10));
        long d = new Backoff(p, seed).delay(retry).toMillis();
        double nominal = Math.min(500 * Math.pow(2, retry - 1), 8000);
        assertThat((double) d).isBetween(nominal * 0.75 - 1, nominal * 1.25 + 1);
    }
}
