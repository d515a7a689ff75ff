package dev.tuneagent.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOError;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedWidthTest {
    private final ProgressBarTest.ManualClock clock = new ProgressBarTest.ManualClock();
    private final AtomicInteger asked = new AtomicInteger();
    private int answer = 100;
    private boolean fail;

    private final CachedWidth width = new CachedWidth(() -> {
        asked.incrementAndGet();
        if (fail) {
            throw new IOError(new InterruptedIOException("Command interrupted")); // what JLine's stty call throws
        }
        return answer;
    }, clock);

    @Test
    void theTerminalIsAskedAtMostOncePerTtl() {
        assertThat(width.getAsInt()).isEqualTo(100);
        answer = 90;
        assertThat(width.getAsInt()).isEqualTo(100);
        clock.advance(CachedWidth.TTL.minusMillis(1));
        assertThat(width.getAsInt()).isEqualTo(100);
        assertThat(asked).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(width.getAsInt()).isEqualTo(90);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aFailingOrInterruptedLookupKeepsTheLastWidthInsteadOfThrowing() {
        assertThat(width.getAsInt()).isEqualTo(100);
        fail = true;
        clock.advance(CachedWidth.TTL);
        assertThat(width.getAsInt()).isEqualTo(100);
        fail = false;
        clock.advance(CachedWidth.TTL);
        Thread.currentThread().interrupt();
        try {
            answer = 70;
            assertThat(width.getAsInt()).as("not asked on an interrupted thread").isEqualTo(100);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
