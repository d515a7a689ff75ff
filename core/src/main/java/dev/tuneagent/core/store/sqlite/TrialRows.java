package dev.tuneagent.core.store.sqlite;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.space.SearchSpaceCodec;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.StudySummary;
import dev.tuneagent.core.store.TrialTransitions;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the two tables: studies and trials, to and from rows. Callers own the transaction. */
final class TrialRows {
    private static final String STUDY_COLUMNS =
            "id, name, space_json, direction, metric, seed, budget, task_json, created_at";
    private static final String TRIAL_COLUMNS = "number, state, params_json, value, metrics_json, provenance_json, "
            + "started_at, finished_at, message, attrs_json";

    private TrialRows() {
    }

    /** A study row: its database id and its definition. */
    record StudyRow(long id, StudyDefinition definition) {
    }

    static void insertStudy(Connection c, StudyDefinition d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO studies (name, space_json, direction, metric, "
                + "seed, budget, task_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.name());
            ps.setString(2, SearchSpaceCodec.toJson(d.space()));
            ps.setString(3, d.direction().name());
            ps.setString(4, d.metric());
            ps.setLong(5, d.seed());
            ps.setInt(6, d.budget());
            ps.setString(7, d.taskJson());
            ps.setString(8, d.createdAt().toString());
            ps.executeUpdate();
        }
    }

    static Optional<StudyRow> findStudy(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STUDY_COLUMNS + " FROM studies WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(study(rs)) : Optional.empty();
            }
        }
    }

    static List<StudyRow> allStudies(Connection c) throws SQLException {
        List<StudyRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STUDY_COLUMNS + " FROM studies ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
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

    /** Counts per state and the best COMPLETE value, computed by SQLite rather than by loading every trial. */
    static StudySummary summary(Connection c, StudyRow s) throws SQLException {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, count(*) FROM trials WHERE study_id = ? GROUP BY state")) {
            ps.setLong(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(TrialState.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        String agg = s.definition().direction() == Direction.MINIMIZE ? "min" : "max";
        Double best = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + agg + "(value) FROM trials WHERE study_id = ? AND state = 'COMPLETE'")) {
            ps.setLong(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    double v = rs.getDouble(1);
                    best = rs.wasNull() ? null : v;
                }
            }
        }
        return new StudySummary(s.definition(), counts, best);
    }

    static int nextNumber(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(number) + 1, 0) FROM trials WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Inserts a trial; a RUNNING one is leased to {@code owner} with a first heartbeat at its start. */
    static void insertTrial(Connection c, long studyId, Trial t, String owner) throws SQLException {
        boolean running = t.state() == TrialState.RUNNING;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trials (study_id, " + TRIAL_COLUMNS
                + ", owner, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            setMillis(ps, 13, running ? t.startedAt() : null);
            ps.executeUpdate();
        }
    }

    static int count(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM trials WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Writes the finished state of a trial; the WHERE clause keeps finished trials immutable. */
    static void updateFinished(Connection c, long studyId, Trial t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET state = ?, value = ?, metrics_json = ?, "
                + "finished_at = ?, message = ? WHERE study_id = ? AND number = ? AND state IN ('RUNNING', 'WAITING')")) {
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

    /** Rewrites a pending trial's attributes; the WHERE clause keeps finished trials immutable. */
    static void updateAttrs(Connection c, long studyId, Trial t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET attrs_json = ? "
                + "WHERE study_id = ? AND number = ? AND state IN ('WAITING', 'RUNNING')")) {
            ps.setString(1, JsonColumns.attrs(t.attrs()));
            ps.setLong(2, studyId);
            ps.setInt(3, t.number());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("trial " + t.number() + " changed while its attributes were updated");
            }
        }
    }

    /**
     * Marks a WAITING trial RUNNING, leased to {@code owner} since its start; the WHERE clause makes a second
     * claim of the same trial change nothing.
     */
    static boolean updateClaimed(Connection c, long studyId, Trial t, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET state = 'RUNNING', started_at = ?, "
                + "owner = ?, heartbeat_at = ? WHERE study_id = ? AND number = ? AND state = 'WAITING'")) {
            ps.setString(1, text(t.startedAt()));
            ps.setString(2, owner);
            setMillis(ps, 3, t.startedAt());
            ps.setLong(4, studyId);
            ps.setInt(5, t.number());
            return ps.executeUpdate() == 1;
        }
    }

    /** Passes a RUNNING trial's lease to {@code owner} with a heartbeat at {@code at}; false if it is not RUNNING. */
    static boolean updateOwner(Connection c, long studyId, int number, String owner, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET owner = ?, heartbeat_at = ? "
                + "WHERE study_id = ? AND number = ? AND state = 'RUNNING'")) {
            ps.setString(1, owner);
            setMillis(ps, 2, at);
            ps.setLong(3, studyId);
            ps.setInt(4, number);
            return ps.executeUpdate() == 1;
        }
    }

    /** Refreshes the heartbeat of {@code owner}'s RUNNING trials; returns how many. */
    static int heartbeat(Connection c, long studyId, String owner, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET heartbeat_at = ? "
                + "WHERE study_id = ? AND state = 'RUNNING' AND owner = ?")) {
            setMillis(ps, 1, at);
            ps.setLong(2, studyId);
            ps.setString(3, owner);
            return ps.executeUpdate();
        }
    }

    /**
     * The leases of RUNNING trials ({@code where} a fixed SQL fragment), by number; the age is measured from
     * {@code now}. A row from before schema v3 has neither owner nor heartbeat: its lease is unknown.
     */
    static List<Lease> leases(Connection c, long studyId, Instant now, String where) throws SQLException {
        List<Lease> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT number, owner, heartbeat_at FROM trials "
                + "WHERE study_id = ? AND state = 'RUNNING'" + where + " ORDER BY number")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long beat = rs.getLong(3);
                    Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(beat);
                    out.add(new Lease(rs.getInt(1), rs.getString(2), at,
                            at == null ? null : Duration.ofMillis(now.toEpochMilli() - beat)));
                }
            }
        }
        return out;
    }

    static List<Trial> trials(Connection c, long studyId, SearchSpace space, String where) throws SQLException {
        List<Trial> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM trials WHERE study_id = ?"
                + where + " ORDER BY number")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(trial(rs, space));
                }
            }
        }
        return out;
    }

    static Optional<Trial> trial(Connection c, long studyId, SearchSpace space, int number) throws SQLException {
        List<Trial> found = trials(c, studyId, space, " AND number = " + number);
        return found.stream().findFirst();
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
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static void setMillis(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
