package dev.tuneagent.core.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognizes, checks and creates the tables. A file is ours when its header carries our
 * {@code application_id}; its {@code user_version} is the schema version. Anything else that already
 * holds data is refused, so a typo in --storage can never overwrite someone's database.
 */
final class SqliteSchema {
    /** Bump with a migration step in {@link #migrate} whenever the tables change. */
    static final int VERSION = 3;
    /** "TUNE" in ASCII, written to the SQLite header so other tools can recognize the file. */
    static final int APPLICATION_ID = 0x54554E45;

    static final String[] CREATE_V1 = {
        """
        CREATE TABLE studies (
          id          INTEGER PRIMARY KEY,
          name        TEXT    NOT NULL UNIQUE,
          space_json  TEXT    NOT NULL,
          direction   TEXT    NOT NULL,
          metric      TEXT    NOT NULL,
          seed        INTEGER NOT NULL,
          budget      INTEGER NOT NULL,
          task_json   TEXT    NOT NULL,
          created_at  TEXT    NOT NULL
        )""",
        """
        CREATE TABLE trials (
          study_id        INTEGER NOT NULL REFERENCES studies(id),
          number          INTEGER NOT NULL,
          state           TEXT    NOT NULL,
          params_json     TEXT    NOT NULL,
          value           REAL,
          metrics_json    TEXT    NOT NULL,
          provenance_json TEXT    NOT NULL,
          started_at      TEXT,
          finished_at     TEXT,
          message         TEXT,
          PRIMARY KEY (study_id, number)
        ) WITHOUT ROWID""",
    };

    /** Version 2: typed trial attributes (a JSON object) and a WAITING queue claimed oldest first. */
    static final String[] V1_TO_V2 = {
        "ALTER TABLE trials ADD COLUMN attrs_json TEXT NOT NULL DEFAULT '{}'",
        "CREATE INDEX trials_waiting ON trials (study_id, state, number)",
    };

    /**
     * Version 3: the lease of a RUNNING trial, for workers sharing the file: {@code owner} ({@code host/pid/nonce},
     * see {@link dev.tuneagent.core.store.Owner}) and {@code heartbeat_at} (epoch milliseconds of its last sign
     * of life). Rows written before v3 keep both null: their lease is unknown, hence stale.
     */
    private static final String[] V2_TO_V3 = {
        "ALTER TABLE trials ADD COLUMN owner TEXT",
        "ALTER TABLE trials ADD COLUMN heartbeat_at INTEGER",
    };

    private SqliteSchema() {
    }

    /** Checks the file and creates or migrates the schema; the connection is in auto-commit mode. */
    static void prepare(Connection c, Path file) throws SQLException {
        Header h = header(c);
        if (h.isFresh()) {
            single(c, "PRAGMA journal_mode=WAL");
            create(c);
            return;
        }
        check(h, file);
        quickCheck(c, file);
        String mode = single(c, "PRAGMA journal_mode=WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
            throw new SQLException("could not switch " + file + " to WAL mode (got " + mode + ")");
        }
        if (h.version() < VERSION) {
            migrate(c, h.version());
        }
    }

    private record Header(int applicationId, int version, int objects) {
        boolean isFresh() {
            return applicationId == 0 && version == 0 && objects == 0;
        }
    }

    private static Header header(Connection c) throws SQLException {
        return new Header(Integer.parseInt(single(c, "PRAGMA application_id")),
                Integer.parseInt(single(c, "PRAGMA user_version")),
                Integer.parseInt(single(c, "SELECT count(*) FROM sqlite_master")));
    }

    private static void check(Header h, Path file) {
        if (h.applicationId() != APPLICATION_ID) {
            throw SqliteErrors.notOurs(file, "it is a SQLite database with " + h.objects()
                    + " tables or indexes of another program", null);
        }
        if (h.version() > VERSION) {
            throw SqliteErrors.newerSchema(file, h.version(), VERSION);
        }
    }

    private static void quickCheck(Connection c, Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw SqliteErrors.notOurs(file, "integrity check found " + String.join("; ", problems), null);
        }
    }

    /** Two processes may create the same new file at once: the second one sees the schema and stops. */
    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                if (Integer.parseInt(single(c, "PRAGMA application_id")) == 0) {
                    for (String ddl : CREATE_V1) {
                        s.execute(ddl);
                    }
                    for (String ddl : V1_TO_V2) {
                        s.execute(ddl);
                    }
                    for (String ddl : V2_TO_V3) {
                        s.execute(ddl);
                    }
                    s.execute("PRAGMA application_id=" + APPLICATION_ID);
                    s.execute("PRAGMA user_version=" + VERSION);
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /**
     * Older schema versions are upgraded in place, in one transaction: after a crash mid-way the file is
     * still at its old version with its old tables. Rows keep their data (v1 trials get empty attributes,
     * except v1 re-runs, whose provenance text becomes attributes: see {@link V1Reruns}; v2 trials get no lease).
     */
    private static void migrate(Connection c, int from) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int now = Integer.parseInt(single(c, "PRAGMA user_version"));
                if (now == 1) {
                    for (String ddl : V1_TO_V2) {
                        s.execute(ddl);
                    }
                    V1Reruns.convert(c);
                    now = 2;
                }
                if (now == 2) {
                    for (String ddl : V2_TO_V3) {
                        s.execute(ddl);
                    }
                    now = 3;
                }
                if (now != VERSION) {
                    throw new SQLException("no migration from schema version " + from + " to " + VERSION);
                }
                s.execute("PRAGMA user_version=" + VERSION);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
