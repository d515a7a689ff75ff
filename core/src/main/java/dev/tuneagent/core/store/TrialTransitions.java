package dev.tuneagent.core.store;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules every store applies when a trial is created or changes state, in one place so the
 * SQLite, in-memory and future stores cannot drift apart.
 */
public final class TrialTransitions {
    private TrialTransitions() {
    }

    /** A new RUNNING trial; the params are validated and made canonical against the space. */
    public static Trial start(SearchSpace space, int number, Proposal proposal, Instant startedAt) {
        Map<String, Object> params = space.coerce(proposal.params());
        return new Trial(number, params, TrialState.RUNNING, null, Map.of(), proposal.provenance(), startedAt, null,
                null, proposal.attrs());
    }

    /** A new WAITING trial (an enqueued configuration); validated like {@link #start}. */
    public static Trial enqueue(SearchSpace space, int number, Proposal proposal) {
        Map<String, Object> params = space.coerce(proposal.params());
        return new Trial(number, params, TrialState.WAITING, null, Map.of(), proposal.provenance(), null, null,
                null, proposal.attrs());
    }

    /** The WAITING trial claimed by a run: now RUNNING since {@code startedAt}. */
    public static Trial claim(Trial trial, Instant startedAt) {
        trial.state().checkTransition(TrialState.RUNNING, trial.number());
        return new Trial(trial.number(), trial.params(), TrialState.RUNNING, null, Map.of(), trial.provenance(),
                startedAt, null, null, trial.attrs());
    }

    /** The trial after {@code outcome}; throws IllegalStateException unless the trial is RUNNING. */
    public static Trial finish(Trial trial, TrialOutcome outcome, Instant finishedAt) {
        if (trial.state() != TrialState.RUNNING) {
            throw new IllegalStateException("trial " + trial.number() + " is " + trial.state()
                    + " and cannot become " + outcome.state() + ": only a RUNNING trial can be finished");
        }
        return new Trial(trial.number(), trial.params(), outcome.state(), outcome.value(), outcome.metrics(),
                trial.provenance(), trial.startedAt(), finishedAt, outcome.message(), trial.attrs());
    }

    /** The pending trial with {@code attrs} added; a finished trial never changes. */
    public static Trial withAttrs(Trial trial, Map<String, Object> attrs) {
        if (!trial.isPending()) {
            throw new IllegalStateException("trial " + trial.number() + " is " + trial.state()
                    + ": attributes can only be added while it is WAITING or RUNNING");
        }
        Map<String, Object> merged = new LinkedHashMap<>(trial.attrs());
        merged.putAll(attrs);
        return new Trial(trial.number(), trial.params(), trial.state(), trial.value(), trial.metrics(),
                trial.provenance(), trial.startedAt(), trial.finishedAt(), trial.message(), merged);
    }

    /** The RUNNING trial with {@code report} appended to its intermediate reports. */
    public static Trial report(Trial trial, dev.tuneagent.core.prune.Report report) {
        if (trial.state() != TrialState.RUNNING) {
            throw new IllegalStateException("trial " + trial.number() + " is " + trial.state()
                    + ": only a RUNNING trial can report intermediate values");
        }
        var attrs = dev.tuneagent.core.prune.Intermediate.append(trial.attrs(),
                dev.tuneagent.core.prune.Intermediate.of(trial), report);
        return withAttrs(trial, attrs);
    }

    /** The trial marked FAILED with {@code reason} if it is pending, else the trial unchanged. */
    public static Trial failIfPending(Trial trial, String reason, Instant at) {
        if (!trial.isPending()) {
            return trial;
        }
        trial.state().checkTransition(TrialState.FAILED, trial.number());
        return new Trial(trial.number(), trial.params(), TrialState.FAILED, null, trial.metrics(), trial.provenance(),
                trial.startedAt(), at, reason, trial.attrs());
    }

    /**
     * Params read back from storage in their canonical types (Double, Long, declared choices). A value
     * that no longer fits the space is kept as stored rather than dropped: stored data is never lost.
     */
    public static Map<String, Object> canonical(SearchSpace space, Map<String, Object> stored) {
        try {
            return space.coerce(stored);
        } catch (InvalidValueException e) {
            Map<String, Object> out = new LinkedHashMap<>(stored);
            space.params().forEach(p -> {
                if (out.containsKey(p.name())) {
                    try {
                        out.put(p.name(), p.coerce(out.get(p.name())));
                    } catch (InvalidValueException ignored) {
                        // keep the stored value as is
                    }
                }
            });
            return out;
        }
    }

    public static StoreException missingStudy(String name, String location) {
        return new StoreException("no study named \"" + name + "\" in " + location
                + "; run `tune studies` to list the studies stored there");
    }

    public static StoreException duplicateStudy(String name, String location) {
        return new StoreException("a study named \"" + name + "\" already exists in " + location
                + "; choose another name, or continue it with `tune resume " + name + "`");
    }

    public static StoreException missingTrial(String study, int number, String location) {
        return new StoreException("study \"" + study + "\" in " + location + " has no trial " + number);
    }
}
