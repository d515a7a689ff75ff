package dev.tuneagent.core.store;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that lives as long as the object: for tests, evals and {@code --storage memory:}. Every
 * method holds one lock, which gives the same atomicity and numbering guarantees as the SQLite store.
 */
public final class InMemoryStudyStore implements StudyStore {
    private final Object lock;
    private final Map<String, Entry> studies;
    private final Owner owner;

    /** Leases of RUNNING trials by number (owner and last heartbeat); a finished trial's lease is dropped. */
    private record Entry(StudyDefinition definition, List<Trial> trials, Map<Integer, Lease> leases) {
    }

    public InMemoryStudyStore() {
        this(Owner.forThisProcess());
    }

    /** A store whose trials are leased to {@code owner} (tests give two stores over one map different owners). */
    public InMemoryStudyStore(Owner owner) {
        this.owner = owner;
        this.lock = new Object();
        this.studies = new LinkedHashMap<>();
    }

    private InMemoryStudyStore(InMemoryStudyStore shared, Owner owner) {
        this.owner = owner;
        this.lock = shared.lock;
        this.studies = shared.studies;
    }

    /**
     * Another handle on the same data with its own owner, as a second worker process would open the same
     * database: for tests of workers and leases without a database.
     */
    public InMemoryStudyStore asWorker(Owner other) {
        return new InMemoryStudyStore(this, other);
    }

    @Override
    public void createStudy(StudyDefinition definition) {
        synchronized (lock) {
            if (studies.containsKey(definition.name())) {
                throw TrialTransitions.duplicateStudy(definition.name(), location());
            }
            studies.put(definition.name(), new Entry(definition, new ArrayList<>(), new LinkedHashMap<>()));
        }
    }

    @Override
    public Optional<StudyDefinition> findStudy(String name) {
        synchronized (lock) {
            return Optional.ofNullable(studies.get(name)).map(Entry::definition);
        }
    }

    @Override
    public List<StudySummary> listStudies() {
        synchronized (lock) {
            return studies.values().stream().map(e -> StudySummary.of(e.definition(), e.trials())).toList();
        }
    }

    @Override
    public Trial startTrial(String study, Proposal proposal, Instant startedAt) {
        synchronized (lock) {
            Entry e = entry(study);
            Trial t = TrialTransitions.start(e.definition().space(), e.trials().size(), proposal, startedAt);
            e.trials().add(t);
            lease(e, t.number(), startedAt);
            return t;
        }
    }

    @Override
    public Optional<Trial> startTrialWithinBudget(String study, Proposal proposal, Instant startedAt) {
        synchronized (lock) {
            Entry e = entry(study);
            if (e.trials().size() >= e.definition().budget()) {
                return Optional.empty();
            }
            return Optional.of(startTrial(study, proposal, startedAt));
        }
    }

    @Override
    public String owner() {
        return owner.toString();
    }

    @Override
    public int heartbeat(String study, Instant at) {
        synchronized (lock) {
            Entry e = entry(study);
            int n = 0;
            for (Lease l : List.copyOf(e.leases().values())) {
                if (owner().equals(l.owner())) {
                    lease(e, l.number(), at);
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public List<Lease> leases(String study, Instant now) {
        synchronized (lock) {
            Entry e = entry(study);
            List<Lease> out = new ArrayList<>();
            for (Trial t : e.trials()) {
                if (t.state() == dev.tuneagent.core.study.TrialState.RUNNING) {
                    Lease l = e.leases().get(t.number());
                    out.add(l == null ? new Lease(t.number(), null, null, null)
                            : new Lease(t.number(), l.owner(), l.heartbeatAt(),
                            java.time.Duration.between(l.heartbeatAt(), now)));
                }
            }
            return out;
        }
    }

    @Override
    public List<Trial> failLeases(String study, List<Lease> leases, String reason, Instant at) {
        synchronized (lock) {
            Entry e = entry(study);
            List<Trial> changed = new ArrayList<>();
            for (int n : Lease.stillHeld(leases, leases(study, at))) {
                Trial failed = TrialTransitions.failIfPending(e.trials().get(n), reason, at);
                e.trials().set(n, failed);
                e.leases().remove(n);
                changed.add(failed);
            }
            return changed;
        }
    }

    @Override
    public List<Trial> claimLeases(String study, List<Lease> leases, Instant at) {
        synchronized (lock) {
            Entry e = entry(study);
            List<Trial> changed = new ArrayList<>();
            for (int n : Lease.stillHeld(leases, leases(study, at))) {
                lease(e, n, at);
                changed.add(e.trials().get(n));
            }
            return changed;
        }
    }

    private void lease(Entry e, int number, Instant at) {
        e.leases().put(number, new Lease(number, owner(), at, java.time.Duration.ZERO));
    }

    @Override
    public Trial enqueueTrial(String study, Proposal proposal, Instant at) {
        synchronized (lock) {
            Entry e = entry(study);
            Trial t = TrialTransitions.enqueue(e.definition().space(), e.trials().size(), proposal);
            e.trials().add(t);
            return t;
        }
    }

    @Override
    public Optional<Trial> claimWaitingTrial(String study, Instant startedAt) {
        synchronized (lock) {
            List<Trial> trials = entry(study).trials();
            for (int i = 0; i < trials.size(); i++) {
                if (trials.get(i).state() == dev.tuneagent.core.study.TrialState.WAITING) {
                    Trial claimed = TrialTransitions.claim(trials.get(i), startedAt);
                    trials.set(i, claimed);
                    lease(entry(study), i, startedAt);
                    return Optional.of(claimed);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public Trial finishTrial(String study, int number, TrialOutcome outcome, Instant finishedAt) {
        synchronized (lock) {
            Entry e = entry(study);
            if (number < 0 || number >= e.trials().size()) {
                throw TrialTransitions.missingTrial(study, number, location());
            }
            Trial done = TrialTransitions.finish(e.trials().get(number), outcome, finishedAt);
            e.trials().set(number, done);
            e.leases().remove(number);
            return done;
        }
    }

    @Override
    public Trial reportIntermediate(String study, int number, dev.tuneagent.core.prune.Report report) {
        return change(study, number, t -> TrialTransitions.report(t, report));
    }

    @Override
    public Trial putTrialAttrs(String study, int number, Map<String, Object> attrs) {
        return change(study, number, t -> TrialTransitions.withAttrs(t, attrs));
    }

    private Trial change(String study, int number, java.util.function.UnaryOperator<Trial> how) {
        synchronized (lock) {
            Entry e = entry(study);
            if (number < 0 || number >= e.trials().size()) {
                throw TrialTransitions.missingTrial(study, number, location());
            }
            Trial after = how.apply(e.trials().get(number));
            e.trials().set(number, after);
            return after;
        }
    }

    @Override
    public List<Trial> trials(String study) {
        synchronized (lock) {
            return List.copyOf(entry(study).trials());
        }
    }

    @Override
    public StudySnapshot snapshot(String study) {
        synchronized (lock) {
            Entry e = entry(study);
            return new StudySnapshot(e.definition(), e.trials());
        }
    }

    @Override
    public int failPendingTrials(String study, String reason, Instant at) {
        synchronized (lock) {
            List<Trial> trials = entry(study).trials();
            int changed = 0;
            for (int i = 0; i < trials.size(); i++) {
                Trial t = trials.get(i);
                Trial after = t.state() == dev.tuneagent.core.study.TrialState.RUNNING
                        ? TrialTransitions.failIfPending(t, reason, at) : t;
                if (after != t) {
                    trials.set(i, after);
                    entry(study).leases().remove(i);
                    changed++;
                }
            }
            return changed;
        }
    }

    @Override
    public String location() {
        return "memory:";
    }

    @Override
    public void close() {
        // nothing to release: the data goes with the object
    }

    private Entry entry(String study) {
        Entry e = studies.get(study);
        if (e == null) {
            throw TrialTransitions.missingStudy(study, location());
        }
        return e;
    }
}
