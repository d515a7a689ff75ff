package dev.tuneagent.agent.loop;

import java.time.Duration;

/**
 * How a run shows it is alive and decides that another owner is not: every RUNNING trial of a run carries a lease
 * whose heartbeat the run refreshes every {@code heartbeatEvery}; a lease whose heartbeat is older than {@code grace}
 * (or whose owner is a dead process on this host) is stale, and its trial is failed and re-run by whoever finds it.
 * A run that waits for other owners' trials looks again every {@code poll}, sleeping through {@code pause}.
 *
 * @param pause how the loop waits when it has nothing running of its own (tests advance a fake clock instead)
 */
public record Leasing(Duration grace, Duration heartbeatEvery, Duration poll, Pause pause) {
    /** The default grace period: a trial whose owner has been silent this long is taken over. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);

    /** Waits; the loop treats an interrupt as Ctrl-C. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;

        Pause REAL = d -> Thread.sleep(Math.max(1, d.toMillis()));
    }

    public Leasing {
        if (grace == null || grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("grace must be positive, got " + grace);
        }
        if (heartbeatEvery == null || heartbeatEvery.isNegative() || heartbeatEvery.isZero()
                || heartbeatEvery.compareTo(grace) >= 0) {
            throw new IllegalArgumentException("heartbeatEvery must be positive and shorter than grace " + grace
                    + ", got " + heartbeatEvery);
        }
        if (poll == null || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll must be positive, got " + poll);
        }
        pause = pause == null ? Pause.REAL : pause;
    }

    public static Leasing standard() {
        return withGrace(DEFAULT_GRACE);
    }

    /**
     * A heartbeat every sixth of {@code grace} (every 10 s for the default 60 s), so several beats may be lost before
     * a trial looks abandoned; waiting runs poll every quarter of it, at most every 5 s and at least every 0.25 s
     * (a bounded rate, however short the grace).
     */
    public static Leasing withGrace(Duration grace) {
        Duration beat = grace.dividedBy(6);
        Duration poll = grace.dividedBy(4);
        poll = poll.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                : poll.compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250) : poll;
        return new Leasing(grace, beat.isZero() ? Duration.ofMillis(1) : beat, poll, Pause.REAL);
    }

    public Leasing withPause(Pause pause) {
        return new Leasing(grace, heartbeatEvery, poll, pause);
    }
}
