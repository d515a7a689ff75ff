package dev.tuneagent.agent.loop;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.QueuedConfigs;
import dev.tuneagent.core.task.TaskSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Configurations a user asks to evaluate first ({@code enqueue:} in a task file, {@code tune enqueue}):
 * validated against the study's space, refused when the budget has no room left, stored as WAITING trials
 * with {@code source=enqueue} that the next run (or the running one) claims before asking its proposer.
 */
public final class UserQueue {
    /** The provenance of a user's configuration: no proposer chose it. */
    public static final String PROPOSER = TrialAttrs.SOURCE_USER;

    private UserQueue() {
    }

    /** Refuses a task whose {@code enqueue:} list is longer than its budget, before its study is created. */
    public static void checkFits(TaskSpec task) {
        if (task.enqueue().size() > task.trials()) {
            throw new ConfigException("enqueue", task.enqueue().size() + " configurations do not fit in a budget of "
                    + task.trials() + " trials; raise budget.trials (or --trials) or enqueue fewer");
        }
    }

    /** Enqueues the task's {@code enqueue:} list into its newly created study, in the order written. */
    public static List<Trial> enqueueTaskList(StudyStore store, TaskSpec task, Instant at) {
        checkFits(task);
        List<Map<String, Object>> configs = QueuedConfigs.validate(task.space(), task.enqueue(), "enqueue");
        return configs.stream().map(c -> store.enqueueTrial(task.name(), proposal(c), at)).toList();
    }

    /**
     * Enqueues one configuration into an existing study; {@code path} names the input in errors (e.g.
     * {@code --params}). Refused, with the counts, when every trial of the budget is already spoken for.
     */
    public static Trial enqueue(StudyStore store, String study, Map<String, ?> raw, String path, Instant at) {
        StudyDefinition def = store.findStudy(study).orElseThrow(() -> new StoreException("no study named \"" + study
                + "\" in " + store.location() + "; run `tune studies` to list the studies stored there"));
        Map<String, Object> params = QueuedConfigs.validate(def.space(), raw, path);
        StudySnapshot snap = store.snapshot(study);
        if (RunStart.room(snap) == 0) {
            long finished = snap.trials().stream().filter(t -> t.state().isFinished()).count();
            long waiting = snap.trials().stream().filter(t -> t.state() == TrialState.WAITING).count();
            throw new ConfigException("", "study \"" + study + "\" has no room left: its budget of " + def.budget()
                    + " trials is taken by " + snap.trials().size() + " trials (" + finished + " finished, "
                    + (snap.trials().size() - finished - waiting) + " running, " + waiting + " waiting); "
                    + "start a new study with a larger budget.trials to evaluate more configurations");
        }
        return store.enqueueTrial(study, proposal(params), at);
    }

    private static Proposal proposal(Map<String, Object> params) {
        return new Proposal(params, Provenance.of(PROPOSER, 0), TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_USER));
    }
}
