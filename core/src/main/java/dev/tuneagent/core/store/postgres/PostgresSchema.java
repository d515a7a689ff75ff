package dev.tuneagent.core.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognizes, checks and creates the tables in one SQL schema. The schema is ours when its
 * {@code schema_version} table names this application; its row holds the version. A schema that has a
 * {@code studies} or {@code trials} table but no such marker belongs to someone else and is refused, so a
 * typo in --storage never writes into another program's tables. Creation runs under an advisory lock, so
 * two workers starting at once create the tables once.
 */
final class PostgresSchema {
    /** Bump with a migration step in {@link #prepare} whenever the tables change. */
    static final int VERSION = 1;
    static final String APPLICATION = "tune-agent";

    private PostgresSchema() {
    }

    /**
     * The version-1 tables. Beyond what SQLite stores, a trial has the columns workers need: {@code owner}
     * (the process running it) and {@code heartbeat_at} (server time of that owner's last sign of life, so
     * a trial whose worker died can be reclaimed after a grace period without trusting machine clocks).
     * WAITING trials are claimed oldest first with {@code FOR UPDATE SKIP LOCKED} through a partial index.
     */
    static String[] createV1(String s) {
        return new String[] {
            "CREATE TABLE " + s + ".schema_version (application text NOT NULL, version integer NOT NULL, "
                    + "updated_at timestamptz NOT NULL DEFAULT now())",
            """
            CREATE TABLE %1$s.studies (
              id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              name        text    NOT NULL UNIQUE,
              space_json  text    NOT NULL,
              direction   text    NOT NULL,
              metric      text    NOT NULL,
              seed        bigint  NOT NULL,
              budget      integer NOT NULL,
              task_json   text    NOT NULL,
              created_at  text    NOT NULL
            )""".formatted(s),
            """
            CREATE TABLE %1$s.trials (
              study_id        bigint  NOT NULL REFERENCES %1$s.studies(id),
              number          integer NOT NULL,
              state           text    NOT NULL
                              CHECK (state IN ('WAITING', 'RUNNING', 'COMPLETE', 'FAILED', 'PRUNED')),
              params_json     text    NOT NULL,
              value           double precision,
              metrics_json    text    NOT NULL,
              provenance_json text    NOT NULL,
              attrs_json      text    NOT NULL DEFAULT '{}',
              started_at      text,
              finished_at     text,
              message         text,
              owner           text,
              heartbeat_at    timestamptz,
              PRIMARY KEY (study_id, number)
            )""".formatted(s),
            "CREATE INDEX trials_waiting ON " + s + ".trials (study_id, number) WHERE state = 'WAITING'",
            "CREATE INDEX trials_running ON " + s + ".trials (study_id, heartbeat_at) WHERE state = 'RUNNING'",
            "INSERT INTO " + s + ".schema_version (application, version) VALUES ('" + APPLICATION + "', 1)",
        };
    }

    /** Problems {@link #prepare} reports; the store turns them into messages naming the location. */
    sealed interface Problem {
        record NotOurs(String detail) implements Problem {
        }

        record Newer(int found) implements Problem {
        }
    }

    static final class SchemaProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        SchemaProblem(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }
    }

    /** Checks the schema and creates it if needed; {@code c} is in auto-commit mode and stays so. */
    static void prepare(Connection c, String schema) throws SQLException, SchemaProblem {
        String s = quote(schema);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // One creator at a time per schema, across every process on every machine.
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, APPLICATION + ":" + schema);
                ps.execute();
            }
            Set<String> tables = tables(c, schema);
            if (tables.contains("schema_version")) {
                check(c, s);
            } else if (tables.contains("studies") || tables.contains("trials")) {
                throw new SchemaProblem(new Problem.NotOurs("schema \"" + schema + "\" has a studies or trials "
                        + "table but no schema_version table of " + APPLICATION));
            } else {
                if (!schemaExists(c, schema)) {
                    st.execute("CREATE SCHEMA " + s);
                }
                for (String ddl : createV1(s)) {
                    st.execute(ddl);
                }
            }
            c.commit();
        } catch (SQLException | SchemaProblem | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void check(Connection c, String s) throws SQLException, SchemaProblem {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT application, version FROM " + s + ".schema_version")) {
            if (!rs.next()) {
                throw new SchemaProblem(new Problem.NotOurs("its schema_version table is empty"));
            }
            String app = rs.getString(1);
            int version = rs.getInt(2);
            if (!APPLICATION.equals(app)) {
                throw new SchemaProblem(new Problem.NotOurs("its schema_version table belongs to \"" + app + "\""));
            }
            if (version > VERSION) {
                throw new SchemaProblem(new Problem.Newer(version));
            }
            // Version 1 is the first: older versions will be migrated here, in this transaction.
        }
    }

    private static Set<String> tables(Connection c, String schema) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The schema name is checked against {@code [a-z_][a-z0-9_]*} when the URL is parsed; quoted anyway. */
    static String quote(String schema) {
        return "\"" + schema.replace("\"", "\"\"") + "\"";
    }
}
