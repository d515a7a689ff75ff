package dev.tuneagent.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema-v2 file (the tables v2 builds created, with a finished, a RUNNING and a WAITING trial) is upgraded to
 * v3: every row intact, the new lease columns null, so the RUNNING trial left by a v2 build is stale for workers.
 */
class SqliteV2UpgradeTest {
    private static final Instant T0 = Instant.parse("2026-06-07T08:09:10.111Z");
    private static final StudyDefinition STUDY = new StudyDefinition("old", SearchSpace.of(new FloatParam("x", 0, 1,
            false)), Direction.MINIMIZE, "loss", 3, 10, "{}", T0);

    @TempDir
    Path dir;

    @Test
    void aV2FileIsUpgradedToV3WithItsRowsIntactAndItsRunningTrialWithoutALease() throws SQLException {
        Path file = dir.resolve("v2.db");
        writeV2File(file);

        try (SqliteStudyStore store = new SqliteStudyStore(file)) {
            List<Trial> trials = store.trials("old");
            assertThat(trials).extracting(Trial::state).containsExactly(TrialState.COMPLETE, TrialState.RUNNING,
                    TrialState.WAITING);
            assertThat(trials.get(0).value()).isEqualTo(0.25);
            assertThat(trials.get(0).finishedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(trials.get(1).params()).isEqualTo(Map.of("x", 0.5));
            assertThat(trials.get(1).startedAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(trials.get(2).attrs()).isEqualTo(Map.of("source", "enqueue"));
            assertThat(trials.get(2).provenance()).isEqualTo(Provenance.of("enqueue", 0));

            Lease left = store.leases("old", T0.plusSeconds(3)).get(0);
            assertThat(left).isEqualTo(new Lease(1, null, null, null));
            assertThat(left.isStale(Duration.ofDays(1))).isTrue();

            store.claimWaitingTrial("old", T0.plusSeconds(4));
            assertThat(store.heartbeat("old", T0.plusSeconds(5))).isEqualTo(1);
            assertThat(store.leases("old", T0.plusSeconds(6))).containsExactly(left,
                    new Lease(2, store.owner(), T0.plusSeconds(5), Duration.ofSeconds(1)));
            store.finishTrial("old", 1, TrialOutcome.complete(0.5, Map.of()), T0.plusSeconds(7));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("PRAGMA user_version").getInt(1)).isEqualTo(3);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(trials)")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            assertThat(columns).endsWith("attrs_json", "owner", "heartbeat_at");
        }
    }

    /** The tables exactly as schema v2 created them (v1 plus its v2 step), and rows as a v2 build wrote them. */
    private static void writeV2File(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String ddl : SqliteSchema.CREATE_V1) {
                s.execute(ddl);
            }
            for (String ddl : SqliteSchema.V1_TO_V2) {
                s.execute(ddl);
            }
            s.execute("PRAGMA application_id=" + SqliteSchema.APPLICATION_ID);
            s.execute("PRAGMA user_version=2");
            TrialRows.insertStudy(c, STUDY);
            String random = JsonColumns.provenance(Provenance.of("random", 0));
            String enqueue = JsonColumns.provenance(Provenance.of("enqueue", 0));
            s.execute("INSERT INTO trials (study_id, number, state, params_json, value, metrics_json, provenance_json, "
                    + "started_at, finished_at, message, attrs_json) VALUES "
                    + "(1, 0, 'COMPLETE', '{\"x\":0.1}', 0.25, '{}', '" + random + "', '" + T0 + "', '"
                    + T0.plusSeconds(1) + "', NULL, '{}'), "
                    + "(1, 1, 'RUNNING', '{\"x\":0.5}', NULL, '{}', '" + random + "', '" + T0.plusSeconds(2)
                    + "', NULL, NULL, '{}'), "
                    + "(1, 2, 'WAITING', '{\"x\":0.9}', NULL, '{}', '" + enqueue + "', NULL, NULL, NULL, "
                    + "'{\"source\":\"enqueue\"}')");
        }
    }
}
