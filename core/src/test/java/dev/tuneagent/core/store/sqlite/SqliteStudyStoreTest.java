package dev.tuneagent.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a file-backed store has to get right: foreign, corrupt, newer, locked and read-only files. */
class SqliteStudyStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final SearchSpace SPACE = SearchSpace.of(new FloatParam("x", 0, 1, false));

    @TempDir
    Path dir;

    static StudyDefinition study(String name) {
        return new StudyDefinition(name, SPACE, Direction.MINIMIZE, "loss", 3, 10, "{}", T0);
    }

    static Proposal at(double x) {
        return new Proposal(Map.of("x", x), Provenance.of("sobol", 1));
    }

    @Test
    void everyInstanceLeasesItsTrialsToItsOwnOwnerWrittenWithTheHeartbeatInMilliseconds() throws SQLException {
        Path file = dir.resolve("owners.db");
        Owner node7 = new Owner("node7", 4242, "cafe0001");
        try (var a = new SqliteStudyStore(file); var b = new SqliteStudyStore(file);
             var named = new SqliteStudyStore(file, SqliteStudyStore.DEFAULT_BUSY_TIMEOUT, node7)) {
            assertThat(a.owner()).isNotEqualTo(b.owner()).contains("/" + ProcessHandle.current().pid() + "/");
            a.createStudy(study("s"));
            named.startTrial("s", at(0.5), T0.plusMillis(1234));
            assertThat(named.owner()).isEqualTo("node7/4242/cafe0001");
            assertThat(a.leases("s", T0.plusSeconds(2))).containsExactly(new Lease(0, "node7/4242/cafe0001",
                    T0.plusMillis(1234), Duration.ofMillis(766)));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT owner, heartbeat_at FROM trials");
            assertThat(rs.getString(1)).isEqualTo("node7/4242/cafe0001");
            assertThat(rs.getLong(2)).isEqualTo(T0.toEpochMilli() + 1234);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws IOException {
        Path file = dir.resolve("notes.db");
        byte[] text = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);
        assertThatThrownBy(() -> new SqliteStudyStore(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file + " is not a tune-agent database (or is corrupt)")
                .hasMessageContaining("restore it from a backup or choose another file with --storage sqlite:PATH");
        assertThat(Files.readAllBytes(file)).isEqualTo(text);
    }

    @Test
    void aSqliteDatabaseOfAnotherProgramIsRefusedAndKeepsItsTables() throws SQLException {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
            s.execute("INSERT INTO invoices (total) VALUES (12.5)");
        }
        assertThatThrownBy(() -> new SqliteStudyStore(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a tune-agent database").hasMessageContaining("another program");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT total FROM invoices").getDouble(1)).isEqualTo(12.5);
        }
    }

    @Test
    void aCorruptDatabaseIsRefusedWithAdviceToRestoreIt() throws IOException {
        Path file = dir.resolve("tune.db");
        try (var store = new SqliteStudyStore(file)) {
            store.createStudy(study("s"));
            for (int i = 0; i < 200; i++) {
                store.startTrial("s", at(i / 200.0), T0);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(3 * 4096);
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> new SqliteStudyStore(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a tune-agent database (or is corrupt)")
                .hasMessageContaining("restore it from a backup");
    }

    @Test
    void anEmptyFileBecomesANewDatabase() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.db"));
        try (var store = new SqliteStudyStore(file)) {
            store.createStudy(study("s"));
            assertThat(store.listStudies()).hasSize(1);
        }
    }

    @Test
    void aNewFileIsMarkedAsOursWithItsSchemaVersionAndUsesWal() throws SQLException {
        Path file = dir.resolve("tune.db");
        try (var store = new SqliteStudyStore(file);
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("PRAGMA application_id").getInt(1)).isEqualTo(0x54554E45);
            assertThat(s.executeQuery("PRAGMA user_version").getInt(1)).isEqualTo(SqliteSchema.VERSION);
            assertThat(s.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndNotChanged() throws SQLException {
        Path file = dir.resolve("tune.db");
        try (var store = new SqliteStudyStore(file)) {
            store.createStudy(study("s"));
        }
        setUserVersion(file, SqliteSchema.VERSION + 7);
        assertThatThrownBy(() -> new SqliteStudyStore(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer tune-agent").hasMessageContaining("schema version " + (SqliteSchema.VERSION + 7))
                .hasMessageContaining("upgrade tune-agent");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("PRAGMA user_version").getInt(1)).isEqualTo(SqliteSchema.VERSION + 7);
            assertThat(s.executeQuery("SELECT count(*) FROM studies").getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void reopeningTheFileGivesBackEverythingThatWasStored() {
        Path file = dir.resolve("nested/dir/tune.db");
        List<Trial> before;
        StudyDefinition d = study("s");
        try (var store = new SqliteStudyStore(file)) {
            store.createStudy(d);
            store.createStudy(study("t"));
            Trial a = store.startTrial("s", at(0.1), T0);
            store.finishTrial("s", a.number(), TrialOutcome.complete(0.5, Map.of("loss", 0.5)), T0.plusSeconds(1));
            Trial b = store.startTrial("s", at(0.2), T0);
            store.finishTrial("s", b.number(), TrialOutcome.failed("exit code 3"), T0.plusSeconds(2));
            store.startTrial("s", at(0.3), T0);
            before = store.trials("s");
        }
        try (var store = new SqliteStudyStore(file)) {
            assertThat(store.findStudy("s")).contains(d);
            assertThat(store.trials("s")).isEqualTo(before);
            assertThat(store.listStudies()).extracting(x -> x.definition().name()).containsExactly("s", "t");
            assertThat(store.startTrial("s", at(0.4), T0).number()).isEqualTo(3);
        }
    }

    @Test
    void aDatabaseLockedByAnotherProcessBeyondTheBusyTimeoutGivesAClearErrorAndLosesNothing() throws SQLException {
        Path file = dir.resolve("tune.db");
        try (var store = new SqliteStudyStore(file, Duration.ofMillis(50))) {
            store.createStudy(study("s"));
            store.startTrial("s", at(0.1), T0);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                assertThatThrownBy(() -> store.startTrial("s", at(0.2), T0)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("is locked by another process").hasMessageContaining("50 ms");
                s.execute("ROLLBACK");
            }
            assertThat(store.startTrial("s", at(0.3), T0).number()).isEqualTo(1);
            assertThat(store.trials("s")).hasSize(2);
        }
    }

    @Test
    void aReadOnlyFileIsRefusedWithHowToFixIt() throws IOException {
        Path file = dir.resolve("tune.db");
        try (var store = new SqliteStudyStore(file)) {
            store.createStudy(study("s"));
        }
        try {
            assumeTrue(makeReadOnly(file), "cannot make a file read-only for this user");
            assertThatThrownBy(() -> new SqliteStudyStore(file)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is read-only").hasMessageContaining("chmod u+w " + file);
        } finally {
            makeWritable(file);
        }
        try (var store = new SqliteStudyStore(file)) {
            assertThat(store.findStudy("s")).isPresent();
        }
    }

    @Test
    void aReadOnlyDirectoryIsRefusedWithHowToFixIt() {
        Path ro = dir.resolve("ro");
        assertThat(ro.toFile().mkdir()).isTrue();
        try {
            assumeTrue(makeReadOnly(ro), "cannot make a directory read-only for this user");
            assertThatThrownBy(() -> new SqliteStudyStore(ro.resolve("tune.db"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("directory " + ro + " is read-only").hasMessageContaining("chmod u+w " + ro);
        } finally {
            makeWritable(ro);
        }
    }

    /** Runs whoever the user is: a real SQLITE_READONLY error from a read-only connection is translated. */
    @Test
    void sqliteReadOnlyErrorsBecomeAMessageThatSaysHowToFixThem() throws SQLException {
        Path file = dir.resolve("tune.db");
        new SqliteStudyStore(file).close();
        var config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO studies (name) VALUES ('x')"));
            StoreException translated = SqliteErrors.translate(e, file, "starting a trial", Duration.ofSeconds(1));
            assertThat(translated).hasMessageContaining(file + " is read-only")
                    .hasMessageContaining("chmod u+w " + file).hasMessageContaining("--storage sqlite:PATH");
        }
    }

    @Test
    void aDirectoryGivenAsTheFileIsRefused() {
        assertThatThrownBy(() -> new SqliteStudyStore(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void aClosedStoreRefusesFurtherCalls() {
        var store = new SqliteStudyStore(dir.resolve("tune.db"));
        store.close();
        assertThatThrownBy(store::listStudies).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /**
     * chmod is enough for ordinary users; root ignores it, so there the immutable attribute stands in
     * for a read-only file system (when chattr is available and allowed).
     */
    private static boolean makeReadOnly(Path p) {
        p.toFile().setWritable(false, false);
        if (!Files.isWritable(p)) {
            return true;
        }
        return chattr("+i", p) && !Files.isWritable(p);
    }

    private static void makeWritable(Path p) {
        if (!Files.isWritable(p)) {
            chattr("-i", p);
        }
        p.toFile().setWritable(true, false);
    }

    private static boolean chattr(String flag, Path p) {
        try {
            Process proc = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return proc.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void setUserVersion(Path file, int version) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=" + version);
        }
    }
}
