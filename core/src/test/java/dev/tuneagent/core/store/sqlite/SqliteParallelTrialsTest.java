package dev.tuneagent.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.prune.Report;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel trials on one machine: 8 workers, each with its own {@link SqliteStudyStore} (its own connection, as
 * separate processes would have), write one file at once, every step a trial takes, with no "database is
 * locked" ({@link dev.tuneagent.core.store.StoreLockedException}) and nothing lost.
 */
class SqliteParallelTrialsTest {
    private static final int WORKERS = 8;
    private static final int TRIALS_EACH = 8;
    private static final int STEPS = 3;
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06Z");

    @TempDir
    Path dir;

    @Test
    void eightWorkersWritingOneFileAtOnceNeverMeetALockedDatabase() throws Exception {
        Path file = dir.resolve("parallel.db");
        StudyDefinition d = new StudyDefinition("p", SearchSpace.of(new FloatParam("x", 0, 1, false)),
                Direction.MINIMIZE, "loss", 1, WORKERS * TRIALS_EACH, "{}", T0);
        try (SqliteStudyStore creator = new SqliteStudyStore(file)) {
            creator.createStudy(d);
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    try (SqliteStudyStore store = new SqliteStudyStore(file)) {
                        go.await();
                        return runTrials(store, worker);
                    }
                }));
            }
            go.countDown();
            int ops = 0;
            for (Future<Integer> f : futures) {
                ops += f.get(5, TimeUnit.MINUTES); // a StoreLockedException fails the test here
            }
            assertThat(ops).isEqualTo(WORKERS * TRIALS_EACH * (STEPS + 5));
        } finally {
            pool.shutdownNow();
        }
        try (SqliteStudyStore store = new SqliteStudyStore(file)) {
            List<Trial> trials = store.trials("p");
            assertThat(trials).hasSize(WORKERS * TRIALS_EACH).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(Intermediate.of(t)).hasSize(STEPS);
                assertThat(t.attrs()).containsKey("worker");
            });
            assertThat(store.leases("p", T0)).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }

    /** Every write a running trial makes, in the order a worker makes them; returns how many calls it made. */
    private static int runTrials(SqliteStudyStore store, int worker) {
        int ops = 0;
        for (int i = 0; i < TRIALS_EACH; i++) {
            Instant at = T0.plusSeconds(i);
            Trial t = store.startTrialWithinBudget("p", new Proposal(Map.of("x", (worker * TRIALS_EACH + i) / 100.0),
                    Provenance.of("random", i)), at).orElseThrow();
            store.putTrialAttrs("p", t.number(), Map.of("worker", worker));
            for (int step = 1; step <= STEPS; step++) {
                store.reportIntermediate("p", t.number(), new Report(step, 1.0 / step));
            }
            store.heartbeat("p", at.plusMillis(500));
            store.snapshot("p");
            store.finishTrial("p", t.number(), TrialOutcome.complete(0.1 * worker, Map.of()), at.plusSeconds(1));
            ops += STEPS + 5;
        }
        return ops;
    }
}
