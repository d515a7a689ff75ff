package dev.tuneagent.core.store;

import static dev.tuneagent.core.store.StudyStoreContract.SPACE;
import static dev.tuneagent.core.store.StudyStoreContract.definition;
import static dev.tuneagent.core.store.StudyStoreContract.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Part of {@link StudyStoreContract}: the leases workers share a study by. A trial a store starts or claims is
 * leased to its {@link StudyStore#owner()}; heartbeats refresh only the caller's own leases; {@code failLeases}
 * fails exactly the trials still held by the owner the caller saw; the budget holds against racing workers.
 * {@link #otherHandle()} must have an owner of its own (a second store instance, or an in-memory worker).
 */
public interface StoreLeaseChecks {
    /** Whole milliseconds: SQLite stores heartbeats as epoch milliseconds. */
    Instant L0 = Instant.parse("2026-01-02T03:04:05.123Z");

    StudyStore store();

    StudyStore otherHandle();

    /** True when the store stamps heartbeats and measures ages with its server's clock (PostgreSQL). */
    default boolean agesOnServerClock() {
        return false;
    }

    /** Makes trial {@code number} look like a RUNNING row written before leases existed (owner, heartbeat null). */
    default void forgetLease(String study, int number) {
        Assumptions.abort("this store has no trials stored before leases existed");
    }

    private static Instant later(int seconds) {
        return L0.plusSeconds(seconds);
    }

    private static void closeIfOther(StudyStore s, StudyStore store) {
        if (s != store) {
            s.close();
        }
    }

    @Test
    default void startedAndClaimedTrialsAreLeasedToTheStoresOwnerUntilTheyFinish() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        assertThat(Owner.parse(s.owner())).hasValueSatisfying(o -> assertThat(o.pid())
                .isEqualTo(ProcessHandle.current().pid()));
        s.startTrial("s", proposal(0), L0);
        s.enqueueTrial("s", proposal(1), later(1));
        s.enqueueTrial("s", proposal(2), later(1));
        s.claimWaitingTrial("s", later(2));
        s.startTrial("s", proposal(3), later(3));
        s.finishTrial("s", 3, TrialOutcome.complete(0.5, Map.of()), later(4));

        List<Lease> leases = s.leases("s", later(10));
        assertThat(leases).extracting(Lease::number).containsExactly(0, 1);
        assertThat(leases).allSatisfy(l -> {
            assertThat(l.owner()).isEqualTo(s.owner());
            assertThat(l.isStale(Duration.ofMinutes(1))).isFalse();
        });
        if (agesOnServerClock()) {
            assertThat(leases).allSatisfy(l -> assertThat(l.age()).isBetween(Duration.ZERO, Duration.ofMinutes(1)));
        } else {
            assertThat(leases).extracting(Lease::heartbeatAt).containsExactly(L0, later(2));
            assertThat(leases).extracting(Lease::age).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(8));
        }
        s.finishTrial("s", 0, TrialOutcome.failed("boom"), later(11));
        assertThat(s.leases("s", later(12))).extracting(Lease::number).containsExactly(1);
    }

    @Test
    default void aHeartbeatRefreshesOnlyTheCallersOwnRunningTrials() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        StudyStore other = otherHandle();
        try {
            assertThat(other.owner()).isNotEqualTo(s.owner());
            s.startTrial("s", proposal(0), L0);
            other.startTrial("s", proposal(1), L0);
            s.startTrial("s", proposal(2), L0);
            s.finishTrial("s", 2, TrialOutcome.complete(1.0, Map.of()), later(1));
            List<Lease> before = s.leases("s", later(2));

            assertThat(s.heartbeat("s", later(5))).isEqualTo(1);

            List<Lease> after = other.leases("s", later(6));
            assertThat(after).extracting(Lease::number).containsExactly(0, 1);
            assertThat(after).extracting(Lease::owner).containsExactly(s.owner(), other.owner());
            assertThat(after.get(1).heartbeatAt()).isEqualTo(before.get(1).heartbeatAt());
            if (agesOnServerClock()) {
                assertThat(after.get(0).heartbeatAt()).isAfter(before.get(0).heartbeatAt());
            } else {
                assertThat(after.get(0).heartbeatAt()).isEqualTo(later(5));
                assertThat(after.get(0).age()).isEqualTo(Duration.ofSeconds(1));
                assertThat(after.get(1).age()).isEqualTo(Duration.ofSeconds(6));
            }
            other.finishTrial("s", 1, TrialOutcome.complete(0.5, Map.of()), later(7));
            assertThat(other.heartbeat("s", later(8))).isZero();
        } finally {
            closeIfOther(other, s);
        }
    }

    @Test
    default void aLeaseAgesWithTheInstantItIsReadAtAndTurnsStaleAfterTheGrace() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        s.startTrial("s", proposal(0), L0);
        Duration grace = Duration.ofSeconds(60);
        if (agesOnServerClock()) {
            // The server's clock decides; the caller's instant (here 1000 days late) is ignored.
            Lease l = s.leases("s", L0.plus(Duration.ofDays(1000))).get(0);
            assertThat(l.age()).isLessThan(grace);
            assertThat(l.isStale(grace)).isFalse();
            return;
        }
        assertThat(s.leases("s", later(60)).get(0).isStale(grace)).isFalse();
        Lease old = s.leases("s", later(61)).get(0);
        assertThat(old.age()).isEqualTo(Duration.ofSeconds(61));
        assertThat(old.isStale(grace)).isTrue();
        s.heartbeat("s", later(61));
        assertThat(s.leases("s", later(62)).get(0).isStale(grace)).isFalse();
    }

    @Test
    default void failLeasesFailsOnlyTrialsStillHeldByTheOwnerSeenAndReturnsExactlyThose() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        StudyStore other = otherHandle();
        try {
            for (int i = 0; i < 3; i++) {
                s.startTrial("s", proposal(i), L0);
            }
            other.startTrial("s", proposal(3), L0);
            s.enqueueTrial("s", proposal(4), L0);
            List<Lease> seen = other.leases("s", later(100));
            assertThat(seen).extracting(Lease::number).containsExactly(0, 1, 2, 3);
            s.finishTrial("s", 1, TrialOutcome.complete(0.25, Map.of()), later(101));
            Lease reowned = new Lease(2, "elsewhere/1/feedbeef", L0, Duration.ZERO);
            List<Lease> given = List.of(seen.get(0), seen.get(1), reowned, seen.get(3), seen.get(0),
                    new Lease(4, null, null, null), new Lease(99, s.owner(), L0, Duration.ZERO));

            List<Trial> changed = other.failLeases("s", given, "worker silent", later(102));

            assertThat(changed).extracting(Trial::number).containsExactly(0, 3);
            assertThat(changed).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.FAILED);
                assertThat(t.message()).isEqualTo("worker silent");
                assertThat(t.finishedAt()).isEqualTo(later(102));
            });
            assertThat(s.trials("s")).extracting(Trial::state).containsExactly(TrialState.FAILED,
                    TrialState.COMPLETE, TrialState.RUNNING, TrialState.FAILED, TrialState.WAITING);
            assertThat(s.trials("s").get(0)).isEqualTo(changed.get(0));
            assertThat(s.leases("s", later(103))).extracting(Lease::number).containsExactly(2);
            assertThat(other.failLeases("s", given, "again", later(104))).isEmpty();
        } finally {
            closeIfOther(other, s);
        }
    }

    @Test
    default void claimLeasesTakesOnlyTrialsStillHeldByTheOwnerSeenAndLeavesThemRunning() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        StudyStore other = otherHandle();
        try {
            for (int i = 0; i < 3; i++) {
                s.startTrial("s", proposal(i), L0);
            }
            s.enqueueTrial("s", proposal(3), L0);
            List<Lease> seen = other.leases("s", later(100));
            s.finishTrial("s", 1, TrialOutcome.complete(0.25, Map.of()), later(101));
            Lease reowned = new Lease(2, "elsewhere/1/feedbeef", L0, Duration.ZERO);
            List<Lease> given = List.of(seen.get(0), seen.get(1), reowned, seen.get(0),
                    new Lease(3, null, null, null), new Lease(99, s.owner(), L0, Duration.ZERO));

            List<Trial> changed = other.claimLeases("s", given, later(102));

            assertThat(changed).extracting(Trial::number).containsExactly(0);
            assertThat(changed.get(0).state()).isEqualTo(TrialState.RUNNING);
            assertThat(changed.get(0).params()).isEqualTo(s.trials("s").get(0).params());
            assertThat(s.trials("s")).extracting(Trial::state).containsExactly(TrialState.RUNNING,
                    TrialState.COMPLETE, TrialState.RUNNING, TrialState.WAITING);
            List<Lease> after = s.leases("s", later(102));
            assertThat(after).extracting(Lease::number, Lease::owner)
                    .containsExactly(tuple(0, other.owner()), tuple(2, s.owner()));
            // The new owner's heartbeats keep it; the old owner's no longer do, and nobody can claim it again.
            assertThat(other.heartbeat("s", later(103))).isEqualTo(1);
            assertThat(s.heartbeat("s", later(103))).isEqualTo(1);
            assertThat(s.claimLeases("s", List.of(seen.get(0)), later(104))).isEmpty();
            assertThat(s.failLeases("s", List.of(seen.get(0)), "silent", later(104))).isEmpty();
            Trial done = other.finishTrial("s", 0, TrialOutcome.complete(0.5, Map.of()), later(105));
            assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        } finally {
            closeIfOther(other, s);
        }
    }

    @Test
    default void aRunningTrialStoredBeforeLeasesExistedHasAnUnknownStaleLease() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        s.startTrial("s", proposal(0), L0);
        s.startTrial("s", proposal(1), L0);
        forgetLease("s", 0);

        List<Lease> leases = s.leases("s", later(1));
        assertThat(leases.get(0)).isEqualTo(new Lease(0, null, null, null));
        assertThat(leases.get(0).isStale(Duration.ofDays(365))).isTrue();
        assertThat(leases.get(1).isStale(Duration.ofDays(365))).isFalse();
        assertThat(s.heartbeat("s", later(2))).isEqualTo(1);
        assertThat(s.failLeases("s", List.of(leases.get(0)), "interrupted", later(3)))
                .extracting(Trial::number).containsExactly(0);
    }

    @Test
    default void startWithinBudgetCountsTrialsOfEveryStateAndStopsAtTheBudget() {
        StudyStore s = store();
        s.createStudy(withBudget("b", 4));
        s.enqueueTrial("b", proposal(0), L0);
        s.startTrial("b", proposal(1), L0);
        s.finishTrial("b", 1, TrialOutcome.failed("boom"), later(1));
        Trial t = s.startTrialWithinBudget("b", proposal(2), later(2)).orElseThrow();
        assertThat(t.number()).isEqualTo(2);
        assertThat(s.leases("b", later(3))).extracting(Lease::number, Lease::owner).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, s.owner()));
        assertThat(s.startTrialWithinBudget("b", proposal(3), later(3))).map(Trial::number).contains(3);
        assertThat(s.startTrialWithinBudget("b", proposal(4), later(4))).isEmpty();
        assertThat(s.trials("b")).hasSize(4);
    }

    @Test
    default void workersRacingToStartWithinTheBudgetNeverExceedItAndGetDenseUniqueNumbers() throws Exception {
        StudyStore s = store();
        int budget = 24;
        s.createStudy(withBudget("race", budget));
        s.enqueueTrial("race", proposal(0), L0);
        List<StudyStore> workers = new ArrayList<>();
        try {
            List<Callable<List<Integer>>> tasks = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                StudyStore worker = otherHandle();
                workers.add(worker);
                tasks.add(() -> {
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; ; i++) {
                        Optional<Trial> t = worker.startTrialWithinBudget("race", proposal(i % 20), later(i));
                        if (t.isEmpty()) {
                            return mine;
                        }
                        mine.add(t.get().number());
                        worker.heartbeat("race", later(i));
                        worker.finishTrial("race", t.get().number(), TrialOutcome.complete(i, Map.of()), later(i));
                    }
                });
            }
            @SuppressWarnings("unchecked")
            List<List<Integer>> results = ConcurrentCalls.together(tasks.toArray(new Callable[0]));
            List<Integer> all = results.stream().flatMap(List::stream).toList();
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(1, budget).boxed().toList());
            assertThat(s.trials("race")).hasSize(budget).extracting(Trial::number)
                    .containsExactlyElementsOf(IntStream.range(0, budget).boxed().toList());
            assertThat(s.startTrialWithinBudget("race", proposal(0), later(99))).isEmpty();
        } finally {
            workers.forEach(w -> closeIfOther(w, s));
        }
    }

    private static StudyDefinition withBudget(String name, int budget) {
        return new StudyDefinition(name, SPACE, Direction.MINIMIZE, "loss", 7L, budget, "{}", L0);
    }
}
