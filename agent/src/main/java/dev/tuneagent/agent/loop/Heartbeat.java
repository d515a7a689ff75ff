package dev.tuneagent.agent.loop;

import dev.tuneagent.core.store.StudyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A daemon thread that refreshes the run's leases while it holds RUNNING trials, so other workers see it is alive.
 * A failed beat is only logged: the next one may succeed, and a run that stays silent for the whole grace period
 * loses its trials to another worker (its late results are then refused, see {@link Optimizer}).
 */
final class Heartbeat implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.tuneagent.agent.loop");

    private final StudyStore store;
    private final String study;
    private final Clock clock;
    private final IntSupplier running;
    private final ScheduledExecutorService timer;

    private Heartbeat(StudyStore store, String study, Clock clock, IntSupplier running, Duration every) {
        this.store = store;
        this.study = study;
        this.clock = clock;
        this.running = running;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tune-heartbeat-" + study);
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, every.toMillis());
        timer.scheduleWithFixedDelay(this::beat, ms, ms, TimeUnit.MILLISECONDS);
    }

    static Heartbeat start(StudyStore store, String study, Clock clock, IntSupplier running, Duration every) {
        return new Heartbeat(store, study, clock, running, every);
    }

    /** One beat: refreshes this store's leases when the run has trials running. */
    void beat() {
        if (running.getAsInt() == 0) {
            return;
        }
        try {
            store.heartbeat(study, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "heartbeat of study {0} failed: {1}", study, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
