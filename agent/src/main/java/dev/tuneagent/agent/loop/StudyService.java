package dev.tuneagent.agent.loop;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.store.StudyNotFoundException;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.task.TaskFileWriter;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.job.JobLauncher;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Creates, reopens and runs studies: the application service behind {@code tune run}/{@code resume}, and what
 * the conversation, the evals and workers call. It knows nothing of consoles or exit codes; the caller owns the
 * store, the job launcher and the trial directories.
 */
public final class StudyService {
    private final ProposerFactory proposers;
    private final TaskLoader loader;
    private final Clock clock;

    public StudyService(ProposerFactory proposers, TaskLoader loader, Clock clock) {
        this.proposers = proposers;
        this.loader = loader;
        this.clock = clock;
    }

    /**
     * Stores a new study made from {@code task} (validated by the {@link TaskLoader}) and returns what running it
     * needs. A taken name is refused; the proposer is built first, so a misconfigured one leaves no empty study.
     */
    public PreparedStudy create(StudyStore store, TaskSpec task) {
        if (store.findStudy(task.name()).isPresent()) {
            throw new ConfigException("name", "a study named \"" + task.name() + "\" already exists in "
                    + store.location() + "; continue it with `tune resume " + task.name()
                    + "` or start another with --name");
        }
        Proposer proposer = proposers.create(task.proposer(), task);
        UserQueue.checkFits(task);
        StudyDefinition def = new StudyDefinition(task.name(), task.space(), task.direction(), task.metric(),
                task.seed(), task.trials(), TaskFileWriter.toJson(task), clock.instant());
        store.createStudy(def);
        // The user's configurations go first, before any warm-start design the run may enqueue.
        UserQueue.enqueueTaskList(store, task, clock.instant());
        return new PreparedStudy(task, def, proposer);
    }

    /** A stored study, rebuilt from the task it was created with, ready to continue (after a crash or Ctrl-C). */
    public PreparedStudy reopen(StudyStore store, String name) {
        StudyDefinition def = store.findStudy(name).orElseThrow(() -> new StudyNotFoundException(name, store.location()));
        if (def.taskJson() == null || def.taskJson().equals("{}")) {
            throw new ConfigException("", "study \"" + name + "\" was not created from a task file, so it cannot be"
                    + " resumed: nothing says how to evaluate its trials");
        }
        // Stored paths are absolute, so the base directory only matters for what a user edits by hand.
        TaskSpec task = loader.fromStoredJson(def.taskJson(), Path.of("").toAbsolutePath());
        return new PreparedStudy(task, def, proposers.create(task.proposer(), task));
    }

    /** A loop over {@code store} whose trials run on {@code launcher}; keep it to {@link Optimizer#cancel()} it. */
    public Optimizer optimizer(StudyStore store, JobLauncher launcher, OptimizerListener listener) {
        return new Optimizer(store, launcher, clock, listener);
    }

    /** A loop whose leases use {@code leasing} (the grace period of {@code tune worker --grace}). */
    public Optimizer optimizer(StudyStore store, JobLauncher launcher, OptimizerListener listener, Leasing leasing) {
        return new Optimizer(store, launcher, clock, listener, leasing);
    }

    /** Runs (or continues) a prepared study to its budget; trials work in {@code studyDir/trial-NNNN}. */
    public RunOutcome run(StudyStore store, PreparedStudy study, JobLauncher launcher, Path studyDir,
                          OptimizerListener listener) {
        return optimizer(store, launcher, listener).run(study.runIn(studyDir));
    }
}
