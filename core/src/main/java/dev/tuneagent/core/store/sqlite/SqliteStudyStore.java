package dev.tuneagent.core.store.sqlite;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudySummary;
import dev.tuneagent.core.store.TrialTransitions;
import dev.tuneagent.core.store.sqlite.TrialRows.StudyRow;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The default store: one SQLite file in WAL mode. Every write runs in a {@code BEGIN IMMEDIATE}
 * transaction, so two processes sharing the file take turns (waiting up to the busy timeout) and can
 * never hand out the same trial number. Reads run in a deferred transaction and see one consistent
 * state. One instance is safe for use by many threads (calls are serialized on its connection). Each instance
 * has its own {@link Owner}, written with a heartbeat (epoch milliseconds, the caller's clock) into the lease of
 * every trial it starts or claims.
 */
public final class SqliteStudyStore implements StudyStore {
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    private final Path file;
    private final Duration busyTimeout;
    /** Written into the lease of every trial this instance starts or claims; each instance has its own. */
    private final Owner owner;
    private final Object lock = new Object();
    /** Study rows never change after creation and are never deleted, so they can be cached by name. */
    private final Map<String, StudyRow> studies = new HashMap<>();
    private Connection connection;

    public SqliteStudyStore(Path file) {
        this(file, DEFAULT_BUSY_TIMEOUT);
    }

    /** Opens (or creates) the database; throws {@link StoreException} if the file cannot be used as is. */
    public SqliteStudyStore(Path file, Duration busyTimeout) {
        this(file, busyTimeout, Owner.forThisProcess());
    }

    /** Like {@link #SqliteStudyStore(Path, Duration)}, leasing its trials to {@code owner} (tests name workers). */
    public SqliteStudyStore(Path file, Duration busyTimeout, Owner owner) {
        this.file = file.toAbsolutePath().normalize();
        this.busyTimeout = busyTimeout;
        this.owner = owner;
        checkFileSystem();
        this.connection = open();
    }

    private void checkFileSystem() {
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a directory, not a database file; choose a file with "
                    + "--storage sqlite:PATH");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory " + dir + " for the database " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another file with "
                    + "--storage sqlite:PATH", e);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw SqliteErrors.readOnlyFile(file, null);
        }
        if (!Files.isWritable(dir)) {
            throw SqliteErrors.readOnlyDirectory(dir, file);
        }
    }

    private Connection open() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        // FULL makes each commit durable against power loss, not only against a killed process.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + file);
            SqliteSchema.prepare(c, file);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqliteErrors.translate(e, file, "opening it", busyTimeout);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @Override
    public void createStudy(StudyDefinition definition) {
        write("creating study " + definition.name(), c -> {
            if (TrialRows.findStudy(c, definition.name()).isPresent()) {
                throw TrialTransitions.duplicateStudy(definition.name(), location());
            }
            TrialRows.insertStudy(c, definition);
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
            for (StudyRow s : TrialRows.allStudies(c)) {
                out.add(TrialRows.summary(c, s));
            }
            return out;
        });
    }

    @Override
    public Trial startTrial(String study, Proposal proposal, Instant startedAt) {
        return write("starting a trial of " + study, c -> insertRunning(c, existing(c, study), proposal, startedAt));
    }

    /** The count and the insert share one BEGIN IMMEDIATE transaction: no other writer comes in between. */
    @Override
    public Optional<Trial> startTrialWithinBudget(String study, Proposal proposal, Instant startedAt) {
        return write("starting a trial of " + study, c -> {
            StudyRow s = existing(c, study);
            if (TrialRows.count(c, s.id()) >= s.definition().budget()) {
                return Optional.<Trial>empty();
            }
            return Optional.of(insertRunning(c, s, proposal, startedAt));
        });
    }

    private Trial insertRunning(Connection c, StudyRow s, Proposal proposal, Instant startedAt) throws SQLException {
        Trial t = TrialTransitions.start(s.definition().space(), TrialRows.nextNumber(c, s.id()), proposal, startedAt);
        TrialRows.insertTrial(c, s.id(), t, owner.toString());
        return t;
    }

    @Override
    public String owner() {
        return owner.toString();
    }

    @Override
    public int heartbeat(String study, Instant at) {
        return write("recording a heartbeat of " + study, c -> TrialRows.heartbeat(c, existing(c, study).id(),
                owner.toString(), at));
    }

    /** Ages are measured from {@code now} on the caller's clock (one machine shares one clock). */
    @Override
    public List<Lease> leases(String study, Instant now) {
        return read("reading the leases of " + study, c -> TrialRows.leases(c, existing(c, study).id(), now, ""));
    }

    @Override
    public List<Trial> failLeases(String study, List<Lease> leases, String reason, Instant at) {
        return write("failing trials of silent workers of " + study, c -> {
            StudyRow s = existing(c, study);
            List<Trial> changed = new ArrayList<>();
            for (int n : Lease.stillHeld(leases, TrialRows.leases(c, s.id(), at, ""))) {
                Trial t = TrialRows.trial(c, s.id(), s.definition().space(), n).orElseThrow();
                Trial failed = TrialTransitions.failIfPending(t, reason, at);
                TrialRows.updateFinished(c, s.id(), failed);
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
            for (int n : Lease.stillHeld(leases, TrialRows.leases(c, s.id(), at, ""))) {
                if (TrialRows.updateOwner(c, s.id(), n, owner.toString(), at)) {
                    changed.add(TrialRows.trial(c, s.id(), s.definition().space(), n).orElseThrow());
                }
            }
            return changed;
        });
    }

    @Override
    public Trial enqueueTrial(String study, Proposal proposal, Instant at) {
        return write("enqueueing a trial of " + study, c -> {
            StudyRow s = existing(c, study);
            Trial t = TrialTransitions.enqueue(s.definition().space(), TrialRows.nextNumber(c, s.id()), proposal);
            TrialRows.insertTrial(c, s.id(), t, null);
            return t;
        });
    }

    @Override
    public Optional<Trial> claimWaitingTrial(String study, Instant startedAt) {
        return write("claiming a waiting trial of " + study, c -> {
            StudyRow s = existing(c, study);
            List<Trial> waiting = TrialRows.trials(c, s.id(), s.definition().space(),
                    " AND state = 'WAITING'");
            if (waiting.isEmpty()) {
                return Optional.<Trial>empty();
            }
            Trial claimed = TrialTransitions.claim(waiting.get(0), startedAt);
            if (!TrialRows.updateClaimed(c, s.id(), claimed, owner.toString())) {
                throw new IllegalStateException("trial " + claimed.number() + " changed while it was being claimed");
            }
            return Optional.of(claimed);
        });
    }

    @Override
    public Trial finishTrial(String study, int number, TrialOutcome outcome, Instant finishedAt) {
        return write("finishing trial " + number + " of " + study, c -> {
            StudyRow s = existing(c, study);
            Trial t = TrialRows.trial(c, s.id(), s.definition().space(), number)
                    .orElseThrow(() -> TrialTransitions.missingTrial(study, number, location()));
            Trial done = TrialTransitions.finish(t, outcome, finishedAt);
            TrialRows.updateFinished(c, s.id(), done);
            return done;
        });
    }

    @Override
    public Trial reportIntermediate(String study, int number, dev.tuneagent.core.prune.Report report) {
        return change("storing a report of trial " + number + " of " + study, study, number,
                t -> TrialTransitions.report(t, report));
    }

    @Override
    public Trial putTrialAttrs(String study, int number, Map<String, Object> attrs) {
        return change("recording attributes of trial " + number + " of " + study, study, number,
                t -> TrialTransitions.withAttrs(t, attrs));
    }

    private Trial change(String action, String study, int number, java.util.function.UnaryOperator<Trial> how) {
        return write(action, c -> {
            StudyRow s = existing(c, study);
            Trial t = TrialRows.trial(c, s.id(), s.definition().space(), number)
                    .orElseThrow(() -> TrialTransitions.missingTrial(study, number, location()));
            Trial after = how.apply(t);
            TrialRows.updateAttrs(c, s.id(), after);
            return after;
        });
    }

    @Override
    public List<Trial> trials(String study) {
        return read("reading the trials of " + study, c -> {
            StudyRow s = existing(c, study);
            return TrialRows.trials(c, s.id(), s.definition().space(), "");
        });
    }

    @Override
    public StudySnapshot snapshot(String study) {
        return read("reading study " + study, c -> {
            StudyRow s = existing(c, study);
            return new StudySnapshot(s.definition(), TrialRows.trials(c, s.id(), s.definition().space(), ""));
        });
    }

    @Override
    public int failPendingTrials(String study, String reason, Instant at) {
        return write("failing the pending trials of " + study, c -> {
            StudyRow s = existing(c, study);
            List<Trial> pending = TrialRows.trials(c, s.id(), s.definition().space(),
                    " AND state = 'RUNNING'");
            for (Trial t : pending) {
                TrialRows.updateFinished(c, s.id(), TrialTransitions.failIfPending(t, reason, at));
            }
            return pending.size();
        });
    }

    @Override
    public String location() {
        return "sqlite:" + file;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private Optional<StudyRow> row(Connection c, String name) throws SQLException {
        StudyRow cached = studies.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StudyRow> found = TrialRows.findStudy(c, name);
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
        return transaction("BEGIN IMMEDIATE", action, work);
    }

    private <T> T read(String action, Work<T> work) {
        return transaction("BEGIN DEFERRED", action, work);
    }

    private <T> T transaction(String begin, String action, Work<T> work) {
        synchronized (lock) {
            if (connection == null) {
                throw new IllegalStateException("the store " + location() + " is closed");
            }
            try (Statement s = connection.createStatement()) {
                s.execute(begin);
                T result;
                try {
                    result = work.run(connection);
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(s);
                    throw e;
                }
                return result;
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, file, action, busyTimeout);
            }
        }
    }

    private void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort; the data is already committed
            }
        }
    }
}
