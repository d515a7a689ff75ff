package dev.tuneagent.shell.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * A terminal width asked at most once per {@link #TTL}, that never fails. JLine may answer by running
 * {@code stty} in a child process: doing that on every redraw would fork once a second, and on a thread
 * that Ctrl-C has just interrupted it throws {@code IOError(InterruptedIOException)}, which must not turn a
 * clean interruption into an internal error. On any failure the last known width (else 0, unknown) is kept.
 */
public final class CachedWidth implements IntSupplier {
    static final Duration TTL = Duration.ofSeconds(2);

    private final IntSupplier terminal;
    private final Clock clock;
    private Instant askedAt;
    private int width;

    public CachedWidth(IntSupplier terminal, Clock clock) {
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public synchronized int getAsInt() {
        Instant now = clock.instant();
        if (askedAt == null || !now.isBefore(askedAt.plus(TTL))) {
            askedAt = now;
            if (!Thread.currentThread().isInterrupted()) {
                try {
                    width = terminal.getAsInt();
                } catch (RuntimeException | java.io.IOError e) {
                    // keep the last known width: a progress bar is not worth a failed command
                }
            }
        }
        return width;
    }
}
