package dev.tuneagent.agent.llm.resilience;

import java.time.Duration;
import java.util.SplittableRandom;

/** Exponential backoff with seeded jitter, so a replayed run waits (virtually) the same amounts. */
final class Backoff {
    private final RetryPolicy policy;
    private final SplittableRandom random;

    Backoff(RetryPolicy policy, long seed) {
        this.policy = policy;
        this.random = new SplittableRandom(seed);
    }

    /** The wait before retry number {@code retry} (1 = the first retry). */
    synchronized Duration delay(int retry) {
        double base = policy.baseDelay().toMillis() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(base, policy.maxDelay().toMillis());
        double spread = policy.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(capped * (1 + spread))));
    }
}
