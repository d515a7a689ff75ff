package dev.tuneagent.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.StoreLockedException;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished trial meets a database that another process has locked: a real SQLite file, and a second
 * connection holding its write lock. The result must be stored once the lock goes, and never silently lost.
 */
class LockedTellTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    /** Another writer: BEGIN IMMEDIATE takes the write lock until COMMIT or ROLLBACK. */
    private Connection lock(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        sql(c, "BEGIN IMMEDIATE");
        return c;
    }

    private static void sql(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static SqliteStudyStore storeWithOneRunningTrial(Path file) {
        SqliteStudyStore store = new SqliteStudyStore(file, Duration.ofMillis(50));
        store.createStudy(new StudyDefinition("s", SearchSpace.of(new FloatParam("x", 0, 1, false)), Direction.MINIMIZE,
                "loss", 0, 3, null, CLOCK.instant()));
        store.startTrial("s", new Proposal(Map.of("x", 0.5), Provenance.of("test", 1)), CLOCK.instant());
        return store;
    }

    @Test
    void aTellRetriesUntilTheOtherWriterLetsGoAndStoresTheResult() throws Exception {
        Path file = dir.resolve("locked.db");
        List<String> notices = new ArrayList<>();
        List<Duration> pauses = new ArrayList<>();
        try (SqliteStudyStore store = storeWithOneRunningTrial(file); Connection holder = lock(file)) {
            // The "sleep" between attempts is where the other process finishes: it commits during the second pause.
            TellRetry retry = new TellRetry(5, Duration.ofSeconds(2), d -> {
                pauses.add(d);
                if (pauses.size() == 2) {
                    try {
                        sql(holder, "COMMIT");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, notices::add);
            Trial done = new Study(store, "s", CLOCK, retry).tell(0, TrialOutcome.complete(0.25, Map.of()));

            assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(store.trials("s").get(0).value()).isEqualTo(0.25);
            assertThat(pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(notices).containsExactly(
                    "the study store is locked by another process; storing trial #0 again in 2 s (attempt 2 of 5)",
                    "the study store is locked by another process; storing trial #0 again in 4 s (attempt 3 of 5)");
        }
    }

    @Test
    void whenTheLockOutlastsEveryAttemptTheErrorCarriesTheResultAndTheTrialStaysResumable() throws Exception {
        Path file = dir.resolve("locked.db");
        try (SqliteStudyStore store = storeWithOneRunningTrial(file)) {
            try (Connection holder = lock(file)) {
                TellRetry retry = new TellRetry(3, Duration.ofMillis(1), d -> { }, line -> { });
                Throwable t = catchThrowable(() -> new Study(store, "s", CLOCK, retry)
                        .tell(0, TrialOutcome.complete(0.125, Map.of())));
                assertThat(t).isInstanceOf(StoreLockedException.class)
                        .hasMessageStartingWith("trial #0 of study \"s\" finished with value 0.125, but storing it"
                                + " failed (3 attempts): the database ")
                        .hasMessageContaining("is locked by another process")
                        .hasMessageEndingWith("The trial stays RUNNING; `tune resume s` evaluates it again");
                sql(holder, "ROLLBACK");
            }
            assertThat(store.trials("s").get(0).state()).isEqualTo(TrialState.RUNNING);
        }
    }

    @Test
    void ctrlCDuringTheWaitStopsRetryingAndKeepsTheInterrupt() throws Exception {
        Path file = dir.resolve("locked.db");
        try (SqliteStudyStore store = storeWithOneRunningTrial(file); Connection holder = lock(file)) {
            TellRetry retry = new TellRetry(5, Duration.ofSeconds(2), d -> {
                throw new InterruptedException();
            }, line -> { });
            Throwable t = catchThrowable(() -> new Study(store, "s", CLOCK, retry)
                    .tell(0, TrialOutcome.failed("exit code 3")));
            assertThat(Thread.interrupted()).isTrue();
            assertThat(t).isInstanceOf(StoreLockedException.class).hasMessageStartingWith(
                    "trial #0 of study \"s\" finished with failed (exit code 3), but storing it failed (interrupted after 1 attempts)");
            sql(holder, "ROLLBACK");
        }
    }
}
