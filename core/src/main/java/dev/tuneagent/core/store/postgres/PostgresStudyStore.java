package dev.tuneagent.core.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudySummary;
import dev.tuneagent.core.store.TrialTransitions;
import dev.tuneagent.core.store.postgres.PgRows.StudyRow;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Studies in a PostgreSQL database, for many workers on many machines. Writes run in READ COMMITTED
 * transactions with row locks: trial numbers are handed out under a lock on the study's row, a finishing
 * trial is locked by {@code SELECT ... FOR UPDATE}, and WAITING trials are claimed with
 * {@code FOR UPDATE SKIP LOCKED}. Reads that span statements run in a REPEATABLE READ snapshot. Connections
 * come from a small HikariCP pool; one instance is safe for many threads.
 */
public final class PostgresStudyStore implements StudyStore {
    /** Enough for a handful of threads of one process; every worker process has its own pool. */
    static final int POOL_SIZE = 4;
    private static final int RETRIES = 3;

    private final StorageLocation.Postgres at;
    private final PgRows rows;
    /** Written into the lease of every trial this instance starts or claims; each instance has its own. */
    private final Owner owner;
    private final HikariDataSource pool;
    /** Study rows never change after creation and are never deleted, so they can be cached by name. */
    private final Map<String, StudyRow> studies = new ConcurrentHashMap<>();

    /**
     * Connects, checks the schema (creating it in an empty one) and opens the pool. Throws
     * {@link StoreException} with a message saying what to fix when the server is down, the password is
     * wrong, the database is missing or the schema belongs to someone else.
     */
    public PostgresStudyStore(StorageLocation.Postgres at) {
        this(at, Owner.forThisProcess());
    }

    /** Like {@link #PostgresStudyStore(StorageLocation.Postgres)}, leasing its trials to {@code owner}. */
    public PostgresStudyStore(StorageLocation.Postgres at, Owner owner) {
        this.at = at;
        this.rows = new PgRows(PostgresSchema.quote(at.schema()));
        this.owner = owner;
        // One plain connection first: its errors are the driver's own, not the pool's, and the schema is
        // ready before any pooled connection uses it.
        try (Connection c = new org.postgresql.Driver().connect(at.jdbcUrl(), properties(at))) {
            if (c == null) {
                throw new StoreException("the PostgreSQL driver does not accept " + at.uri());
            }
            PostgresSchema.prepare(c, at.schema());
        } catch (SQLException e) {
            throw PostgresErrors.translate(e, at, "opening it");
        } catch (PostgresSchema.SchemaProblem p) {
            if (p.problem instanceof PostgresSchema.Problem.Newer n) {
                throw PostgresErrors.newer(at, n.found());
            }
            throw PostgresErrors.notOurs(at, ((PostgresSchema.Problem.NotOurs) p.problem).detail());
        }
        this.pool = new HikariDataSource(config(at));
    }

    private static Properties properties(StorageLocation.Postgres at) {
        Properties p = new Properties();
        p.setProperty("user", at.user());
        if (at.password() != null) {
            p.setProperty("password", at.password());
        }
        p.setProperty("ApplicationName", "tune-agent");
        return p;
    }

    private static HikariConfig config(StorageLocation.Postgres at) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(at.jdbcUrl());
        c.setDataSourceProperties(properties(at));
        c.setPoolName("tune-postgres");
        c.setMaximumPoolSize(POOL_SIZE);
        c.setMinimumIdle(1);
        c.setAutoCommit(false);
        c.setConnectionTimeout(10_000);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return c;
    }

    /** The value this store writes into the {@code owner} column of the trials it starts or claims. */
    @Override
    public String owner() {
        return owner.toString();
    }

    @Override
    public void createStudy(StudyDefinition definition) {
        write("creating study " + definition.name(), c -> {
            if (!rows.insertStudy(c, definition)) {
                throw TrialTransitions.duplicateStudy(definition.name(), location());
            }
            return null;
        });
    }

    @Override
    public Optional<StudyDefinition> findStudy(String name) {
        return read("reading study " + name, c -> row(c, name).map(StudyRow::definition));
    }

    @Override
    public List<StudySummary> listStudies() {
        return read("listing studies", c -> {
            List<StudySummary> out = new ArrayList<>();
            for (StudyRow s : rows.allStudies(c)) {
                out.add(rows.summary(c, s));
            }
            return out;
        });
    }

    @Override
    public Trial startTrial(String study, Proposal proposal, Instant startedAt) {
        return write("starting a trial of " + study, c -> {
            StudyRow s = existing(c, study);
            rows.lockForNumbering(c, s.id());
            return insertRunning(c, s, proposal, startedAt);
        });
    }

    /** The study row's lock (taken for the numbering) also holds off other writers between the count and the insert. */
    @Override
    public Optional<Trial> startTrialWithinBudget(String study, Proposal proposal, Instant startedAt) {
        return write("starting a trial of " + study, c -> {
            StudyRow s = existing(c, study);
            rows.lockForNumbering(c, s.id());
            if (rows.count(c, s.id()) >= s.definition().budget()) {
                return Optional.<Trial>empty();
            }
            return Optional.of(insertRunning(c, s, proposal, startedAt));
        });
    }

    private Trial insertRunning(Connection c, StudyRow s, Proposal proposal, Instant startedAt) throws SQLException {
        Trial t = TrialTransitions.start(s.definition().space(), rows.nextNumber(c, s.id()), proposal, startedAt);
        rows.insertTrial(c, s.id(), t, owner.toString());
        return t;
    }

    /** Writes the server's {@code now()}, never {@code at}: all heartbeats of a study are on one clock. */
    @Override
    public int heartbeat(String study, Instant at) {
        return write("recording a heartbeat of " + study, c -> rows.heartbeat(c, existing(c, study).id(),
                owner.toString()));
    }

    /**
     * Ages are computed by the server ({@code now() - heartbeat_at}) and {@code now} is ignored: workers whose
     * clocks disagree still agree on which lease is stale.
     */
    @Override
    public List<Lease> leases(String study, Instant now) {
        return read("reading the leases of " + study, c -> rows.leases(c, existing(c, study).id(), false));
    }

    /**
     * Locks the study's RUNNING rows ({@code FOR UPDATE}) and fails those still held by the owner the caller saw
     * (a null owner matches null); a trial finished or heartbeating under another owner meanwhile is left alone.
     */
    @Override
    public List<Trial> failLeases(String study, List<Lease> leases, String reason, Instant at) {
        return write("failing trials of silent workers of " + study, c -> {
            StudyRow s = existing(c, study);
            List<Trial> changed = new ArrayList<>();
            for (int n : Lease.stillHeld(leases, rows.leases(c, s.id(), true))) {
                Trial t = rows.lockTrial(c, s.id(), s.definition().space(), n).orElseThrow();
                Trial failed = TrialTransitions.failIfPending(t, reason, at);
                rows.updateFinished(c, s.id(), failed);
                changed.add(failed);
            }
            return changed;
        });
    }

    @Override
    public List<Trial> claimLeases(String study, List<Lease> leases, Instant at) {
        return write("taking over trials of silent workers of " + study, c -> {
            StudyRow s = existing(c, study);
            List<Trial> changed = new ArrayList<>();
            for (int n : Lease.stillHeld(leases, rows.leases(c, s.id(), true))) {
                if (rows.updateOwner(c, s.id(), n, owner.toString())) {
                    changed.add(rows.lockTrial(c, s.id(), s.definition().space(), n).orElseThrow());
                }
            }
            return changed;
        });
    }

    @Override
    public Trial enqueueTrial(String study, Proposal proposal, Instant at) {
        return write("enqueueing a trial of " + study, c -> {
            StudyRow s = existing(c, study);
            rows.lockForNumbering(c, s.id());
            Trial t = TrialTransitions.enqueue(s.definition().space(), rows.nextNumber(c, s.id()), proposal);
            rows.insertTrial(c, s.id(), t, null);
            return t;
        });
    }

    @Override
    public Optional<Trial> claimWaitingTrial(String study, Instant startedAt) {
        return write("claiming a waiting trial of " + study, c -> {
            StudyRow s = existing(c, study);
            return rows.claimOldestWaiting(c, s.id(), s.definition().space(), startedAt, owner.toString());
        });
    }

    @Override
    public Trial finishTrial(String study, int number, TrialOutcome outcome, Instant finishedAt) {
        return write("finishing trial " + number + " of " + study, c -> {
            StudyRow s = existing(c, study);
            Trial t = rows.lockTrial(c, s.id(), s.definition().space(), number)
                    .orElseThrow(() -> TrialTransitions.missingTrial(study, number, location()));
            Trial done = TrialTransitions.finish(t, outcome, finishedAt);
            rows.updateFinished(c, s.id(), done);
            return done;
        });
    }

    @Override
    public Trial putTrialAttrs(String study, int number, Map<String, Object> attrs) {
        return change("recording attributes of trial " + number + " of " + study, study, number,
                t -> TrialTransitions.withAttrs(t, attrs));
    }

    @Override
    public Trial reportIntermediate(String study, int number, dev.tuneagent.core.prune.Report report) {
        return change("storing a report of trial " + number + " of " + study, study, number,
                t -> TrialTransitions.report(t, report));
    }

    /** Reads the trial under a row lock, changes its attributes and writes them back in one transaction. */
    private Trial change(String action, String study, int number, java.util.function.UnaryOperator<Trial> how) {
        return write(action, c -> {
            StudyRow s = existing(c, study);
            Trial t = rows.lockTrial(c, s.id(), s.definition().space(), number)
                    .orElseThrow(() -> TrialTransitions.missingTrial(study, number, location()));
            Trial after = how.apply(t);
            rows.updateAttrs(c, s.id(), number, after.attrs());
            return after;
        });
    }

    @Override
    public List<Trial> trials(String study) {
        return read("reading the trials of " + study, c -> {
            StudyRow s = existing(c, study);
            return rows.trials(c, s.id(), s.definition().space(), "");
        });
    }

    @Override
    public StudySnapshot snapshot(String study) {
        return read("reading study " + study, c -> {
            StudyRow s = existing(c, study);
            return new StudySnapshot(s.definition(), rows.trials(c, s.id(), s.definition().space(), ""));
        });
    }

    @Override
    public int failPendingTrials(String study, String reason, Instant at) {
        return write("failing the pending trials of " + study, c -> {
            StudyRow s = existing(c, study);
            List<Trial> pending = rows.lockRunning(c, s.id(), s.definition().space());
            for (Trial t : pending) {
                rows.updateFinished(c, s.id(), TrialTransitions.failIfPending(t, reason, at));
            }
            return pending.size();
        });
    }

    /** {@code postgresql://USER@HOST:PORT/DB}: never the password. */
    @Override
    public String location() {
        return at.uri();
    }

    @Override
    public void close() {
        pool.close();
    }

    private Optional<StudyRow> row(Connection c, String name) throws SQLException {
        StudyRow cached = studies.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StudyRow> found = rows.findStudy(c, name);
        found.ifPresent(r -> studies.put(name, r));
        return found;
    }

    private StudyRow existing(Connection c, String name) throws SQLException {
        return row(c, name).orElseThrow(() -> TrialTransitions.missingStudy(name, location()));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T write(String action, Work<T> work) {
        return transaction(false, action, work);
    }

    private <T> T read(String action, Work<T> work) {
        return transaction(true, action, work);
    }

    /**
     * Runs {@code work} in one transaction, again (up to {@value #RETRIES} times) when PostgreSQL reports a
     * serialization failure or a deadlock: both mean "nothing happened, try again".
     */
    private <T> T transaction(boolean readOnly, String action, Work<T> work) {
        if (pool.isClosed()) {
            throw new IllegalStateException("the store " + location() + " is closed");
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                if (readOnly) {
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    c.setReadOnly(true);
                }
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                String state = e.getSQLState();
                boolean retry = ("40001".equals(state) || "40P01".equals(state)) && attempt < RETRIES;
                if (!retry) {
                    throw PostgresErrors.translate(e, at, action);
                }
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
