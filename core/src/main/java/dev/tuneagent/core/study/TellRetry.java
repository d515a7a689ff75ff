package dev.tuneagent.core.study;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How {@link Study#tell} keeps a finished trial's result when the store is locked by another writer: it tries
 * {@code attempts} times in all (each attempt already waits the store's busy timeout), pausing between them,
 * and says so through {@code notice}. The result of an evaluation may have cost hours; giving up on the first
 * lock would throw it away.
 *
 * @param pause   the pause after the first failed attempt; it doubles after each later one
 * @param sleeper waits between attempts (tests pass one that releases the lock instead)
 * @param notice  receives one line per retry, for the user
 */
public record TellRetry(int attempts, Duration pause, Sleeper sleeper, Consumer<String> notice) {

    /** Waits; throws {@link InterruptedException} when the user interrupts (Ctrl-C). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public TellRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /** Six attempts with pauses of 2, 4, 8, 16 and 32 s: about two minutes on top of the busy timeouts. */
    public static TellRetry standard(Consumer<String> notice) {
        return new TellRetry(6, Duration.ofSeconds(2), d -> Thread.sleep(d.toMillis()), notice);
    }

    /** Gives up on the first lock (for tests of the lock itself). */
    public static TellRetry none() {
        return new TellRetry(1, Duration.ZERO, d -> { }, line -> { });
    }

    Duration pauseAfter(int failedAttempt) {
        return pause.multipliedBy(1L << Math.min(20, failedAttempt - 1));
    }
}
