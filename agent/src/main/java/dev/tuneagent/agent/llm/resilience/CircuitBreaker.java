package dev.tuneagent.agent.llm.resilience;

import dev.tuneagent.agent.llm.error.ProviderUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * After {@code failureThreshold} consecutive failed attempts the provider is not called for {@code coolDown}: calls
 * fail at once with {@link ProviderUnavailable}, so a dead provider costs milliseconds per trial. After the cool-down
 * one probe call is let through; its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public record Policy(int failureThreshold, Duration coolDown) {
        public Policy {
            if (failureThreshold < 1 || coolDown.isNegative()) {
                throw new IllegalArgumentException("failureThreshold must be >= 1 and coolDown >= 0");
            }
        }

        /** Open after 5 consecutive failed attempts, for 60 s. */
        public static Policy defaults() {
            return new Policy(5, Duration.ofSeconds(60));
        }
    }

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final Policy policy;
    private final Clock clock;
    private final String name;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean probeInFlight;
    private String lastFailure = "";

    public CircuitBreaker(Policy policy, Clock clock, String name) {
        this.policy = policy;
        this.clock = clock;
        this.name = name;
    }

    /** Throws {@link ProviderUnavailable} (without calling anything) while the circuit is open. */
    public synchronized void beforeCall() {
        State s = state();
        if (s == State.OPEN || (s == State.HALF_OPEN && probeInFlight)) {
            long left = s == State.OPEN ? Math.max(1, Duration.between(clock.instant(),
                    openedAt.plus(policy.coolDown())).toSeconds()) : 0;
            throw new ProviderUnavailable(name + " is not being called: " + consecutiveFailures
                    + " consecutive failures (last: " + lastFailure + ")"
                    + (s == State.OPEN ? "; next try in about " + left + " s" : "; a probe call is in progress"),
                    true, null);
        }
        if (s == State.HALF_OPEN) {
            probeInFlight = true;
        }
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
        probeInFlight = false;
    }

    public synchronized void onFailure(String reason) {
        lastFailure = reason;
        consecutiveFailures++;
        if (probeInFlight || consecutiveFailures >= policy.failureThreshold()) {
            openedAt = clock.instant();
        }
        probeInFlight = false;
    }

    /** A call that ended without judging the provider (e.g. a cassette miss) must not leave the probe slot taken. */
    public synchronized void onNeutral() {
        probeInFlight = false;
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(policy.coolDown())) ? State.OPEN : State.HALF_OPEN;
    }
}
