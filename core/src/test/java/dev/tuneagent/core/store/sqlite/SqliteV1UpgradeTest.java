package dev.tuneagent.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.StudySummary;
import dev.tuneagent.core.store.TrialTransitions;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real schema-v1 file, written by the build before schema v2 (commit 89906c2): three studies run with
 * its jar. "quadratic" (command job, gp, budget 6) was killed with kill -9 during trial 2 and resumed, so
 * trial 3 is the v1 re-run of trial 2 ("re-run of interrupted trial 2" in its provenance); "crashed" was
 * killed during trial 1 and never resumed (trial 1 is still RUNNING); "rf-wine" (in-process random forest,
 * random proposer, int/categorical/float params) finished its 3 trials.
 */
class SqliteV1UpgradeTest {
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    Path dir;
    Path file;

    /** A trial row as schema v1 stored it, read with plain SQL before the upgrade. */
    private record V1Row(String study, int number, String state, Double value, Map<String, Object> params,
                         Map<String, Double> metrics, Provenance provenance, String startedAt, String finishedAt,
                         String message) {
    }

    @BeforeEach
    void copyFixture() throws IOException {
        file = dir.resolve("v1.db");
        try (InputStream in = getClass().getResourceAsStream("/sqlite/v1-studies.db")) {
            Files.copy(in, file);
        }
    }

    @Test
    void aV1FileIsUpgradedToVersion3WithEveryRowIntactAndTheRerunTextTurnedIntoAttributes() throws SQLException {
        assertThat(userVersion()).isEqualTo(1);
        List<V1Row> before = v1Rows();
        assertThat(before).hasSize(11);

        try (SqliteStudyStore store = new SqliteStudyStore(file)) {
            assertThat(store.listStudies()).extracting(s -> s.definition().name())
                    .containsExactly("quadratic", "crashed", "rf-wine");
            StudySummary quadratic = store.listStudies().get(0);
            assertThat(quadratic.count(TrialState.COMPLETE)).isEqualTo(5);
            assertThat(quadratic.bestValue()).isEqualTo(4.257491036022587);
            for (V1Row row : before) {
                StudyDefinition d = store.findStudy(row.study()).orElseThrow();
                Trial t = store.trials(row.study()).get(row.number());
                assertThat(t.number()).isEqualTo(row.number());
                assertThat(t.state().name()).isEqualTo(row.state());
                assertThat(t.value()).isEqualTo(row.value());
                assertThat(t.params()).isEqualTo(TrialTransitions.canonical(d.space(), row.params()));
                assertThat(t.metrics()).isEqualTo(row.metrics());
                assertThat(t.startedAt()).isEqualTo(instant(row.startedAt()));
                assertThat(t.finishedAt()).isEqualTo(instant(row.finishedAt()));
                assertThat(t.message()).isEqualTo(row.message());
                boolean rerun = row.study().equals("quadratic") && row.number() == 3;
                if (rerun) {
                    assertThat(row.provenance().fallback()).isEqualTo("re-run of interrupted trial 2");
                    assertThat(t.provenance()).isEqualTo(row.provenance().withFallback(null));
                    assertThat(t.attrs()).isEqualTo(Map.of("source", "rerun", "rerun_of", 2));
                } else {
                    assertThat(t.provenance()).isEqualTo(row.provenance());
                    assertThat(t.attrs()).isEmpty();
                }
            }
            assertThat(store.trials("rf-wine").get(0).params()).containsOnlyKeys("trees", "max_depth", "criterion",
                    "max_features");
        }
        assertThat(userVersion()).isEqualTo(3);
    }

    @Test
    void theLeftoverRunningTrialOfAV1FileHasAnUnknownLeaseThatAnyWorkerMayTakeOver() {
        try (SqliteStudyStore store = new SqliteStudyStore(file)) {
            Trial left = store.trials("crashed").get(1);
            Lease lease = store.leases("crashed", LATER).get(0);
            assertThat(lease).isEqualTo(new Lease(1, null, null, null));
            assertThat(lease.isStale(Duration.ofDays(365))).isTrue();
            assertThat(store.heartbeat("crashed", LATER)).isZero();
            assertThat(store.failLeases("crashed", List.of(lease), "interrupted", LATER)).singleElement()
                    .matches(t -> t.number() == 1 && t.state() == TrialState.FAILED);
            Trial next = store.startTrial("crashed", new Proposal(left.params(), left.provenance()), LATER);
            assertThat(store.leases("crashed", LATER)).containsExactly(new Lease(next.number(), store.owner(), LATER,
                    Duration.ZERO));
        }
    }

    @Test
    void anUpgradedFileAcceptsEnqueueAndClaimAndItsLeftoverRunningTrialIsFailedByResume() {
        try (SqliteStudyStore store = new SqliteStudyStore(file)) {
            Trial left = store.trials("crashed").get(1);
            assertThat(left.state()).isEqualTo(TrialState.RUNNING);
            Trial queued = store.enqueueTrial("crashed", new Proposal(left.params(), left.provenance(),
                    Map.of("source", "rerun", "rerun_of", 1)), LATER);
            assertThat(queued.number()).isEqualTo(2);
            assertThat(queued.state()).isEqualTo(TrialState.WAITING);

            assertThat(store.failPendingTrials("crashed", "interrupted (found RUNNING at resume)", LATER)).isEqualTo(1);
            Trial claimed = store.claimWaitingTrial("crashed", LATER).orElseThrow();
            assertThat(claimed.number()).isEqualTo(2);
            assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
            assertThat(claimed.attrs()).containsEntry("rerun_of", 1);
            store.finishTrial("crashed", 2, TrialOutcome.complete(1.5, Map.of("value", 1.5)), LATER);
            assertThat(store.claimWaitingTrial("crashed", LATER)).isEmpty();
            assertThat(store.startTrial("crashed", new Proposal(left.params(), left.provenance()), LATER).number())
                    .isEqualTo(3);
        }
        try (SqliteStudyStore again = new SqliteStudyStore(file)) {
            assertThat(again.trials("crashed")).extracting(Trial::state).containsExactly(TrialState.COMPLETE,
                    TrialState.FAILED, TrialState.COMPLETE, TrialState.RUNNING);
            assertThat(again.trials("quadratic").get(3).attrs()).containsEntry("rerun_of", 2);
        }
    }

    @Test
    void aChainOfV1RerunsGetsTheLinksAndTheOriginalFallbackReason() throws SQLException {
        String original = "{\"proposer\":\"sobol\",\"promptVersion\":null,\"model\":null,\"seed\":5,"
                + "\"fallback\":\"llambo failed: no JSON\",\"inputTokens\":70,\"outputTokens\":9,\"costUsd\":0.001}";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            long id = s.executeQuery("SELECT id FROM studies WHERE name = 'crashed'").getLong(1);
            s.execute("UPDATE trials SET state = 'FAILED', message = 'interrupted by user', provenance_json = '"
                    + original + "' WHERE study_id = " + id + " AND number = 1");
            for (int n = 2; n <= 3; n++) {
                String p = original.replace("llambo failed: no JSON", "re-run of interrupted trial " + (n - 1))
                        .replace("70", "0").replace("\"outputTokens\":9", "\"outputTokens\":0");
                s.execute("INSERT INTO trials (study_id, number, state, params_json, metrics_json, provenance_json, "
                        + "message) SELECT study_id, " + n + ", '" + (n == 2 ? "FAILED" : "RUNNING") + "', params_json, "
                        + "'{}', '" + p + "', " + (n == 2 ? "'interrupted by user'" : "NULL")
                        + " FROM trials WHERE study_id = " + id + " AND number = 1");
            }
        }
        try (SqliteStudyStore store = new SqliteStudyStore(file)) {
            List<Trial> t = store.trials("crashed");
            assertThat(t.get(1).attrs()).isEmpty();
            assertThat(t.get(1).provenance().fallback()).isEqualTo("llambo failed: no JSON");
            assertThat(t.get(2).attrs()).isEqualTo(Map.of("source", "rerun", "rerun_of", 1));
            assertThat(t.get(3).attrs()).isEqualTo(Map.of("source", "rerun", "rerun_of", 2));
            assertThat(t.subList(2, 4)).allSatisfy(x -> {
                assertThat(x.provenance().fallback()).isEqualTo("llambo failed: no JSON");
                assertThat(x.provenance().inputTokens()).isZero();
            });
        }
    }

    private int userVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            return s.executeQuery("PRAGMA user_version").getInt(1);
        }
    }

    private List<V1Row> v1Rows() throws SQLException {
        List<V1Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT s.name, t.number, t.state, t.value, t.params_json, t.metrics_json, "
                     + "t.provenance_json, t.started_at, t.finished_at, t.message FROM trials t JOIN studies s "
                     + "ON s.id = t.study_id ORDER BY s.id, t.number")) {
            while (rs.next()) {
                double v = rs.getDouble(4);
                Double value = rs.wasNull() ? null : v;
                rows.add(new V1Row(rs.getString(1), rs.getInt(2), rs.getString(3), value,
                        new LinkedHashMap<>(JsonColumns.params(rs.getString(5))), JsonColumns.metrics(rs.getString(6)),
                        JsonColumns.provenance(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        }
        return rows;
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
