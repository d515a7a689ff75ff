package dev.tuneagent.core.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL's own side of leases: the server's clock decides their age, and failLeases waits on row locks. */
class PostgresLeaseTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final StudyDefinition STUDY = new StudyDefinition("s", SearchSpace.of(new FloatParam("x", 0, 1,
            false)), Direction.MINIMIZE, "loss", 1, 10, "{}", T0);
    private static final Duration GRACE = Duration.ofSeconds(60);
    private TestDatabase db;

    @BeforeEach
    void database() {
        db = new TestDatabase();
    }

    @AfterEach
    void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void heartbeatsAndAgesUseTheServersClockWhateverTheCallersClockSays() throws Exception {
        try (var store = new PostgresStudyStore(db.location(), new Owner("node7", 4242, "cafe0002"))) {
            store.createStudy(STUDY);
            store.startTrial("s", new Proposal(Map.of("x", 0.5), Provenance.of("random", 0)), T0);
            db.sql("UPDATE " + db.schema + ".trials SET heartbeat_at = now() - interval '90 seconds'");

            // The caller's instant is ignored: a worker whose clock is off by a year still sees the same age.
            for (Instant skewed : List.of(Instant.EPOCH, Instant.now().plus(Duration.ofDays(365)))) {
                Lease old = store.leases("s", skewed).get(0);
                assertThat(old.owner()).isEqualTo("node7/4242/cafe0002");
                assertThat(old.age()).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(150));
                assertThat(old.isStale(GRACE)).isTrue();
            }

            assertThat(store.heartbeat("s", Instant.EPOCH)).isEqualTo(1);
            Lease fresh = store.leases("s", Instant.EPOCH).get(0);
            assertThat(fresh.heartbeatAt()).isAfter(Instant.EPOCH.plus(Duration.ofDays(365)));
            assertThat(fresh.age()).isBetween(Duration.ZERO, GRACE);
            assertThat(fresh.isStale(GRACE)).isFalse();
        }
    }

    /**
     * A worker finishes its trial while another fails the trial's lease: failLeases waits for the finisher's row
     * lock, then sees the trial finished and leaves it alone (the result is kept, nothing throws).
     */
    @Test
    void failLeasesWaitsForAConcurrentFinishAndThenLeavesTheTrialAlone() throws Exception {
        try (var store = new PostgresStudyStore(db.location()); Connection finisher = db.admin()) {
            store.createStudy(STUDY);
            store.startTrial("s", new Proposal(Map.of("x", 0.5), Provenance.of("random", 0)), T0);
            List<Lease> seen = store.leases("s", T0);

            finisher.setAutoCommit(false);
            try (Statement s = finisher.createStatement()) {
                s.executeUpdate("UPDATE " + db.schema + ".trials SET state = 'COMPLETE', value = 0.125, "
                        + "metrics_json = '{}', finished_at = '" + T0.plusSeconds(1) + "' WHERE number = 0");
            }
            CompletableFuture<List<Trial>> failing = CompletableFuture.supplyAsync(
                    () -> store.failLeases("s", seen, "worker silent", T0.plusSeconds(2)));
            awaitLockWait();
            assertThat(failing).isNotDone();
            finisher.commit();

            assertThat(failing.get(1, TimeUnit.MINUTES)).isEmpty();
            Trial kept = store.trials("s").get(0);
            assertThat(kept.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(kept.value()).isEqualTo(0.125);
            assertThat(store.leases("s", T0)).isEmpty();
        }
    }

    /** Waits until a session of this test's schema waits on a lock (the server says so; no sleep decides). */
    private void awaitLockWait() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = db.admin(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM "
                + "pg_stat_activity WHERE wait_event_type = 'Lock' AND position(? in query) > 0")) {
            ps.setString(1, db.schema);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("failLeases never waited for the finisher's row lock");
    }
}
