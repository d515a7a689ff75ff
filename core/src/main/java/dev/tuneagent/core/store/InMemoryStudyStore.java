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
    private final Object lock = new Object();
    private final Map<String, Entry> studies = new LinkedHashMap<>();

    private record Entry(StudyDefinition definition, List<Trial> trials) {
    }

    @Override
    public void createStudy(StudyDefinition definition) {
        synchronized (lock) {
            if (studies.containsKey(definition.name())) {
                throw TrialTransitions.duplicateStudy(definition.name(), location());
            }
            studies.put(definition.name(), new Entry(definition, new ArrayList<>()));
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
            return t;
        }
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
