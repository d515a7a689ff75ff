package dev.tuneagent.core.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.TrialOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is PostgreSQL's own: the versioned schema, the owner column, and the errors users meet. */
class PostgresStudyStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final StudyDefinition STUDY = new StudyDefinition("s", SearchSpace.of(new FloatParam("x", 0, 1,
            false)), Direction.MINIMIZE, "loss", 1, 10, "{}", T0);
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
    void dataSurvivesReopeningAndTheSchemaIsVersioned() throws Exception {
        try (var store = new PostgresStudyStore(db.location())) {
            store.createStudy(STUDY);
            var t = store.startTrial("s", new Proposal(Map.of("x", 0.25), Provenance.of("random", 0)), T0);
            store.finishTrial("s", t.number(), TrialOutcome.complete(0.5, Map.of()), T0.plusSeconds(1));
        }
        try (var store = StudyStores.open(db.location())) {
            assertThat(store.trials("s")).singleElement().matches(t -> t.value() == 0.5);
        }
        assertThat(single("SELECT application || ':' || version FROM " + db.schema + ".schema_version"))
                .isEqualTo("tune-agent:1");
    }

    @Test
    void aRunningTrialRecordsItsOwnerAndAHeartbeatForWorkers() throws Exception {
        try (var store = new PostgresStudyStore(db.location())) {
            store.createStudy(STUDY);
            store.startTrial("s", new Proposal(Map.of("x", 0.5), Provenance.of("random", 0)), T0);
            store.enqueueTrial("s", new Proposal(Map.of("x", 0.7), Provenance.of("random", 1)), T0);
            assertThat(single("SELECT owner FROM " + db.schema + ".trials WHERE number = 0"))
                    .isEqualTo(store.owner()).contains("/" + ProcessHandle.current().pid() + "/");
            assertThat(single("SELECT heartbeat_at IS NOT NULL FROM " + db.schema + ".trials WHERE number = 0"))
                    .isEqualTo("t");
            assertThat(single("SELECT owner IS NULL FROM " + db.schema + ".trials WHERE number = 1")).isEqualTo("t");
            store.claimWaitingTrial("s", T0);
            assertThat(single("SELECT owner FROM " + db.schema + ".trials WHERE number = 1")).isEqualTo(store.owner());
        }
    }

    @Test
    void aSchemaWithSomeoneElsesTablesIsRefusedAndLeftAlone() throws Exception {
        db.sql("CREATE SCHEMA " + db.schema, "CREATE TABLE " + db.schema + ".trials (id int)",
                "INSERT INTO " + db.schema + ".trials VALUES (7)");
        assertThatThrownBy(() -> new PostgresStudyStore(db.location())).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a tune-agent store").hasMessageContaining("nothing was changed")
                .hasMessageContaining("?schema=");
        assertThat(single("SELECT count(*) FROM " + db.schema + ".trials")).isEqualTo("1");
        assertThat(single("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + db.schema + "'"))
                .isEqualTo("1");
    }

    @Test
    void aSchemaWrittenByANewerVersionIsRefused() throws Exception {
        new PostgresStudyStore(db.location()).close();
        db.sql("UPDATE " + db.schema + ".schema_version SET version = 99");
        assertThatThrownBy(() -> new PostgresStudyStore(db.location())).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer tune-agent").hasMessageContaining("schema version 99")
                .hasMessageContaining("upgrade");
    }

    @Test
    void aWrongPasswordIsNamedAndNeverShown() {
        String wrong = "Wr0ng-S3cret-pw";
        StorageLocation.Postgres bad = db.with(db.schema, wrong, db.server.database());
        assertThatThrownBy(() -> new PostgresStudyStore(bad)).isInstanceOf(StoreException.class)
                .hasMessageContaining("refused the password for user \"" + db.server.user() + "\"")
                .hasMessageContaining("PGPASSWORD").hasMessageNotContaining(wrong)
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(wrong));
        assertThat(bad.uri()).doesNotContain(wrong);
        assertThat(bad.toString()).doesNotContain(wrong);
    }

    @Test
    void aMissingPasswordSaysWhereToPutIt() {
        StorageLocation.Postgres none = db.with(db.schema, null, db.server.database());
        assertThatThrownBy(() -> new PostgresStudyStore(none)).isInstanceOf(StoreException.class)
                .hasMessageContaining("none was given").hasMessageContaining("~/.pgpass");
    }

    @Test
    void aMissingDatabaseIsNamedWithHowToCreateIt() {
        StorageLocation.Postgres missing = db.with(db.schema, db.server.password(), "no_such_db_tune");
        assertThatThrownBy(() -> new PostgresStudyStore(missing)).isInstanceOf(StoreException.class)
                .hasMessageContaining("database \"no_such_db_tune\" does not exist").hasMessageContaining("createdb");
    }

    @Test
    void storesInTwoSchemasOfOneDatabaseAreSeparate() throws Exception {
        try (var a = new PostgresStudyStore(db.location()); var other = new TestDatabase();
             var b = new PostgresStudyStore(other.location())) {
            a.createStudy(STUDY);
            assertThat(b.listStudies()).isEmpty();
            assertThat(b.location()).endsWith("?schema=" + other.schema).doesNotContain(":" + db.server.password() + "@");
        }
    }

    private String single(String sql) throws Exception {
        try (Connection c = db.admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
