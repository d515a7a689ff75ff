package dev.tuneagent.core.store.postgres;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.space.SearchSpaceCodec;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.StudySummary;
import dev.tuneagent.core.store.TrialTransitions;
import dev.tuneagent.core.store.sqlite.JsonColumns;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the studies and trials tables in one schema, to and from rows. Callers own the transaction.
 * Times are ISO-8601 text (nanoseconds survive, as in SQLite); JSON columns use the SQLite store's codec.
 */
final class PgRows {
    static final String TRIAL_COLUMNS = "number, state, params_json, value, metrics_json, provenance_json, "
            + "started_at, finished_at, message, attrs_json";
    private static final String STUDY_COLUMNS =
            "id, name, space_json, direction, metric, seed, budget, task_json, created_at";

    private final String s;

    /** @param schema the quoted schema name */
    PgRows(String schema) {
        this.s = schema;
    }

    record StudyRow(long id, StudyDefinition definition) {
    }

    /** Inserts the study; false when the name is taken (the existing row is left alone). */
    boolean insertStudy(Connection c, StudyDefinition d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s + ".studies (name, space_json, direction, "
                + "metric, seed, budget, task_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, d.name());
            ps.setString(2, SearchSpaceCodec.toJson(d.space()));
            ps.setString(3, d.direction().name());
            ps.setString(4, d.metric());
            ps.setLong(5, d.seed());
            ps.setInt(6, d.budget());
            ps.setString(7, d.taskJson());
            ps.setString(8, d.createdAt().toString());
            return ps.executeUpdate() == 1;
        }
    }

    Optional<StudyRow> findStudy(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STUDY_COLUMNS + " FROM " + s
                + ".studies WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(study(rs)) : Optional.empty();
            }
        }
    }

    List<StudyRow> allStudies(Connection c) throws SQLException {
        List<StudyRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STUDY_COLUMNS + " FROM " + s
                + ".studies ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(study(rs));
            }
        }
        return out;
    }

    private static StudyRow study(ResultSet rs) throws SQLException {
        var d = new StudyDefinition(rs.getString("name"), SearchSpaceCodec.fromJson(rs.getString("space_json")),
                Direction.valueOf(rs.getString("direction")), rs.getString("metric"), rs.getLong("seed"),
                rs.getInt("budget"), rs.getString("task_json"), Instant.parse(rs.getString("created_at")));
        return new StudyRow(rs.getLong("id"), d);
    }

    /**
     * Locks the study row against other trial inserts until the transaction ends: trial numbers are handed
     * out one writer at a time. {@code NO KEY UPDATE} still lets other transactions insert trials' foreign keys.
     */
    void lockForNumbering(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + s + ".studies WHERE id = ? "
                + "FOR NO KEY UPDATE")) {
            ps.setLong(1, studyId);
            ps.executeQuery().close();
        }
    }

    StudySummary summary(Connection c, StudyRow st) throws SQLException {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM " + s
                + ".trials WHERE study_id = ? GROUP BY state")) {
            ps.setLong(1, st.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(TrialState.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        String agg = st.definition().direction() == Direction.MINIMIZE ? "min" : "max";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + agg + "(value) FROM " + s
                + ".trials WHERE study_id = ? AND state = 'COMPLETE'")) {
            ps.setLong(1, st.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double v = rs.getDouble(1);
                return new StudySummary(st.definition(), counts, rs.wasNull() ? null : v);
            }
        }
    }

    int nextNumber(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(number) + 1, 0) FROM " + s
                + ".trials WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    int count(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + s + ".trials WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Passes a RUNNING trial's lease to {@code owner}, heartbeat the server's time; false if it is not RUNNING. */
    boolean updateOwner(Connection c, long studyId, int number, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + s + ".trials SET owner = ?, heartbeat_at = now() "
                + "WHERE study_id = ? AND number = ? AND state = 'RUNNING'")) {
            ps.setString(1, owner);
            ps.setLong(2, studyId);
            ps.setInt(3, number);
            return ps.executeUpdate() == 1;
        }
    }

    /** Sets the heartbeat of {@code owner}'s RUNNING trials to the server's time; returns how many. */
    int heartbeat(Connection c, long studyId, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + s + ".trials SET heartbeat_at = now() "
                + "WHERE study_id = ? AND state = 'RUNNING' AND owner = ?")) {
            ps.setLong(1, studyId);
            ps.setString(2, owner);
            return ps.executeUpdate();
        }
    }

    /**
     * The leases of the RUNNING trials by number, their age computed by the server ({@code now() - heartbeat_at}),
     * so every worker measures with the same clock. With {@code lock}, the rows stay locked until the
     * transaction ends.
     */
    List<Lease> leases(Connection c, long studyId, boolean lock) throws SQLException {
        List<Lease> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT number, owner, heartbeat_at, "
                + "(extract(epoch FROM (now() - heartbeat_at)) * 1000000)::bigint FROM " + s + ".trials "
                + "WHERE study_id = ? AND state = 'RUNNING' ORDER BY number" + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime beat = rs.getObject(3, OffsetDateTime.class);
                    long micros = rs.getLong(4);
                    out.add(new Lease(rs.getInt(1), rs.getString(2), beat == null ? null : beat.toInstant(),
                            beat == null ? null : Duration.of(micros, ChronoUnit.MICROS)));
                }
            }
        }
        return out;
    }

    /** Inserts a trial; a RUNNING one gets {@code owner} and a first heartbeat (server time). */
    void insertTrial(Connection c, long studyId, Trial t, String owner) throws SQLException {
        boolean running = t.state() == TrialState.RUNNING;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s + ".trials (study_id, " + TRIAL_COLUMNS
                + ", owner, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + (running ? "now()" : "NULL") + ")")) {
            ps.setLong(1, studyId);
            ps.setInt(2, t.number());
            ps.setString(3, t.state().name());
            ps.setString(4, JsonColumns.params(t.params()));
            setDouble(ps, 5, t.value());
            ps.setString(6, JsonColumns.metrics(t.metrics()));
            ps.setString(7, JsonColumns.provenance(t.provenance()));
            ps.setString(8, text(t.startedAt()));
            ps.setString(9, text(t.finishedAt()));
            ps.setString(10, t.message());
            ps.setString(11, JsonColumns.attrs(t.attrs()));
            ps.setString(12, running ? owner : null);
            ps.executeUpdate();
        }
    }

    /**
     * Claims the lowest-numbered WAITING trial in one statement. {@code SKIP LOCKED} makes concurrent
     * claimers take different rows instead of queueing behind one another.
     */
    Optional<Trial> claimOldestWaiting(Connection c, long studyId, SearchSpace space, Instant startedAt,
                                       String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + s + ".trials SET state = 'RUNNING', "
                + "started_at = ?, owner = ?, heartbeat_at = now() WHERE study_id = ? AND number = ("
                + "SELECT number FROM " + s + ".trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number "
                + "LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + TRIAL_COLUMNS)) {
            ps.setString(1, text(startedAt));
            ps.setString(2, owner);
            ps.setLong(3, studyId);
            ps.setLong(4, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(trial(rs, space)) : Optional.empty();
            }
        }
    }

    /** Writes the finished state; the WHERE clause keeps finished trials immutable. */
    void updateFinished(Connection c, long studyId, Trial t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + s + ".trials SET state = ?, value = ?, "
                + "metrics_json = ?, finished_at = ?, message = ? WHERE study_id = ? AND number = ? "
                + "AND state IN ('RUNNING', 'WAITING')")) {
            ps.setString(1, t.state().name());
            setDouble(ps, 2, t.value());
            ps.setString(3, JsonColumns.metrics(t.metrics()));
            ps.setString(4, text(t.finishedAt()));
            ps.setString(5, t.message());
            ps.setLong(6, studyId);
            ps.setInt(7, t.number());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("trial " + t.number() + " changed while it was being finished");
            }
        }
    }

    void updateAttrs(Connection c, long studyId, int number, Map<String, Object> attrs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + s + ".trials SET attrs_json = ? "
                + "WHERE study_id = ? AND number = ?")) {
            ps.setString(1, JsonColumns.attrs(attrs));
            ps.setLong(2, studyId);
            ps.setInt(3, number);
            ps.executeUpdate();
        }
    }

    /** Trials matching {@code where} (a fixed SQL fragment, never user text), in number order. */
    List<Trial> trials(Connection c, long studyId, SearchSpace space, String where) throws SQLException {
        return trials(c, studyId, space, where, "");
    }

    /** The RUNNING trials, locked until the transaction ends. */
    List<Trial> lockRunning(Connection c, long studyId, SearchSpace space) throws SQLException {
        return trials(c, studyId, space, " AND state = 'RUNNING'", " FOR UPDATE");
    }

    private List<Trial> trials(Connection c, long studyId, SearchSpace space, String where, String lock)
            throws SQLException {
        List<Trial> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM " + s
                + ".trials WHERE study_id = ?" + where + " ORDER BY number" + lock)) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(trial(rs, space));
                }
            }
        }
        return out;
    }

    /** One trial, locked until the transaction ends. */
    Optional<Trial> lockTrial(Connection c, long studyId, SearchSpace space, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM " + s
                + ".trials WHERE study_id = ? AND number = ? FOR UPDATE")) {
            ps.setLong(1, studyId);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(trial(rs, space)) : Optional.empty();
            }
        }
    }

    private static Trial trial(ResultSet rs, SearchSpace space) throws SQLException {
        double v = rs.getDouble("value");
        Double value = rs.wasNull() ? null : v;
        return new Trial(rs.getInt("number"), TrialTransitions.canonical(space, JsonColumns.params(
                rs.getString("params_json"))), TrialState.valueOf(rs.getString("state")), value,
                JsonColumns.metrics(rs.getString("metrics_json")), JsonColumns.provenance(rs.getString(
                "provenance_json")), instant(rs.getString("started_at")), instant(rs.getString("finished_at")),
                rs.getString("message"), JsonColumns.attrs(rs.getString("attrs_json")));
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String v) {
        return v == null ? null : Instant.parse(v);
    }
}
