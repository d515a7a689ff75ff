package dev.tuneagent.agent.llm.resilience;

import java.time.Duration;

/**
 * Bounded retries of transient faults.
 *
 * @param maxAttempts   calls per request including the first (1 = no retry)
 * @param baseDelay     the first backoff; it doubles per attempt
 * @param maxDelay      cap of one computed backoff
 * @param jitter        relative spread of each backoff, in [0, 1): 0.2 means +-20%
 * @param maxRetryAfter the longest {@code Retry-After} we honour; a provider asking for more is treated as down
 * @param maxElapsed    no retry starts after this much time since the first attempt (attempts plus waits), so a
 *                      provider that hangs until each timeout costs one bounded stretch, not attempts x timeout
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, Duration maxRetryAfter,
                          Duration maxElapsed) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative() || maxElapsed.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** 4 attempts, 1 s doubling to at most 20 s, +-20% jitter, Retry-After honoured up to 60 s, 90 s in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20), 0.2, Duration.ofSeconds(60),
                Duration.ofSeconds(90));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO);
    }
}
