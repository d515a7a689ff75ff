package dev.tuneagent.agent.loop;

import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Trial;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Who may take which RUNNING trial. A trial whose lease is stale (no heartbeat for longer than the grace period,
 * an unknown owner, or a dead process on this host) is taken: the run that finds it follows the trial's job when
 * the launcher can re-attach to it (a Slurm job; see {@code Optimizer}), and otherwise fails it as interrupted and
 * enqueues its re-run, for any worker to claim; a trial whose owner is alive is never taken. A lease of this very
 * store handle found when a run starts is left over from an earlier run through it (one handle runs one study run
 * at a time), so it counts as stale.
 */
public final class Leases {
    private Leases() {
    }

    /**
     * The leases a run may take before its first trial: every stale one, and this very handle's own (left over from
     * an earlier run through it). Throws {@link StudyBusyException}, changing nothing, when another owner holds a
     * fresh lease and {@code join} is false (a plain run); a worker leaves those trials alone.
     */
    public static List<Lease> staleAtStart(StudyStore store, String study, Duration grace, Clock clock, boolean join) {
        List<Lease> all = store.leases(study, clock.instant());
        List<Lease> live = all.stream().filter(l -> othersLive(store, l, grace)).toList();
        if (!live.isEmpty() && !join) {
            throw new StudyBusyException(study, live, store.location());
        }
        return all.stream().filter(l -> !live.contains(l)).toList();
    }

    /** The stale leases of other owners: what a running worker may take over. */
    public static List<Lease> staleOfOthers(StudyStore store, String study, Duration grace, Clock clock) {
        return store.leases(study, clock.instant()).stream()
                .filter(l -> !store.owner().equals(l.owner()) && l.isStale(grace)).toList();
    }

    /** Throws {@link StudyBusyException} while another live owner runs the study (nothing is changed). */
    public static void checkNotBusy(StudyStore store, String study, Duration grace, Clock clock, String storage) {
        List<Lease> live = store.leases(study, clock.instant()).stream().filter(l -> othersLive(store, l, grace))
                .toList();
        if (!live.isEmpty()) {
            throw new StudyBusyException(study, live, storage);
        }
    }

    /** A lease another owner holds and keeps alive: never taken, and a plain run of its study is refused. */
    private static boolean othersLive(StudyStore store, Lease l, Duration grace) {
        return !store.owner().equals(l.owner()) && !l.isStale(grace);
    }

    /**
     * Fails the trials of {@code stale} still held by the owners seen, as found RUNNING at resume, and enqueues the
     * missing re-runs (also after a crash between the two); returns the trials it failed.
     */
    public static List<Trial> fail(StudyStore store, String study, List<Lease> stale, Clock clock) {
        List<Trial> failed = stale.isEmpty() ? List.of()
                : store.failLeases(study, stale, Interruptions.FOUND_AT_RESUME, clock.instant());
        // Also repairs a crash between failing trials and enqueueing their re-runs (computed from attributes).
        RunStart.enqueueReruns(store, study, clock);
        return failed;
    }
}
