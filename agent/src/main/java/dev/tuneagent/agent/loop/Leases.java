package dev.tuneagent.agent.loop;

import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Trial;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Who may take which RUNNING trial. A trial whose lease is stale (no heartbeat for longer than the grace period,
 * an unknown owner, or a dead process on this host) is failed as interrupted and its re-run enqueued, for any
 * worker to claim; a trial whose owner is alive is never taken. A lease of this very store handle found when a run
 * starts is left over from an earlier run through it (one handle runs one study run at a time), so it counts as stale.
 */
public final class Leases {
    private Leases() {
    }

    /**
     * What a run does before its first trial. A plain run ({@code join} false) refuses, changing nothing, while
     * another owner holds a fresh lease; a worker ({@code join} true) leaves those trials alone. Returns the
     * trials this call failed (their re-runs are enqueued).
     */
    public static List<Trial> atStart(StudyStore store, String study, Duration grace, Clock clock, boolean join) {
        List<Lease> all = store.leases(study, clock.instant());
        List<Lease> live = all.stream().filter(l -> !store.owner().equals(l.owner()) && !l.isStale(grace)).toList();
        if (!live.isEmpty() && !join) {
            throw new StudyBusyException(study, live, store.location());
        }
        List<Lease> stale = all.stream().filter(l -> !live.contains(l)).toList();
        return fail(store, study, stale, clock);
    }

    /** Fails and re-queues the stale trials of other owners (a worker's regular look while it waits). */
    public static List<Trial> takeOverStale(StudyStore store, String study, Duration grace, Clock clock) {
        List<Lease> stale = store.leases(study, clock.instant()).stream()
                .filter(l -> !store.owner().equals(l.owner()) && l.isStale(grace)).toList();
        // Called every poll while a run waits: nothing more is read or written unless a lease is stale.
        return stale.isEmpty() ? List.of() : fail(store, study, stale, clock);
    }

    /** Throws {@link StudyBusyException} while another live owner runs the study (nothing is changed). */
    public static void checkNotBusy(StudyStore store, String study, Duration grace, Clock clock, String storage) {
        List<Lease> live = store.leases(study, clock.instant()).stream()
                .filter(l -> !store.owner().equals(l.owner()) && !l.isStale(grace)).toList();
        if (!live.isEmpty()) {
            throw new StudyBusyException(study, live, storage);
        }
    }

    private static List<Trial> fail(StudyStore store, String study, List<Lease> stale, Clock clock) {
        List<Trial> failed = stale.isEmpty() ? List.of()
                : store.failLeases(study, stale, Interruptions.FOUND_AT_RESUME, clock.instant());
        // Also repairs a crash between failing trials and enqueueing their re-runs (computed from attributes).
        RunStart.enqueueReruns(store, study, clock);
        return failed;
    }
}
