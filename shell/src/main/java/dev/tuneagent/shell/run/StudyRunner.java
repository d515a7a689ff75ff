package dev.tuneagent.shell.run;

import dev.tuneagent.agent.loop.Optimizer;
import dev.tuneagent.agent.loop.RunOutcome;
import dev.tuneagent.agent.loop.StudyRun;
import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.core.task.TaskFileWriter;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.StudyNotFoundException;
import dev.tuneagent.shell.format.StudyReport;
import dev.tuneagent.tools.JobLaunchers;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.slurm.SlurmJobLauncher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Creates or resumes a study and runs it to its budget, printing progress; Ctrl-C leaves it resumable. */
public final class StudyRunner {
    private static final Duration CTRL_C_GRACE = Duration.ofSeconds(20);

    private final ProposerFactory proposers;
    private final TaskLoader loader;
    private final Launchers launchers;
    private final Clock clock;
    private final Console console;

    public StudyRunner(ProposerFactory proposers, TaskLoader loader, Launchers launchers, Clock clock, Console console) {
        this.proposers = proposers;
        this.loader = loader;
        this.launchers = launchers;
        this.clock = clock;
        this.console = console;
    }

    /** Creates a new study from {@code task} and runs it; returns the exit code. */
    public int start(TaskSpec task, StorageLocation storage) {
        try (StudyStore store = StudyStores.open(storage)) {
            if (store.findStudy(task.name()).isPresent()) {
                throw new ConfigException("name", "a study named \"" + task.name() + "\" already exists in "
                        + store.location() + "; continue it with `tune resume " + task.name()
                        + "` or start another with --name");
            }
            // Build the proposer first: a misconfigured one must not leave an empty study behind.
            Proposer proposer = proposers.create(task.proposer(), task);
            store.createStudy(new StudyDefinition(task.name(), task.space(), task.direction(), task.metric(), task.seed(),
                    task.trials(), TaskFileWriter.toJson(task), clock.instant()));
            return execute(store, storage, task, proposer);
        }
    }

    /**
     * Creates a study from {@code task} without running a trial (for {@code tune resume}, or several workers,
     * to run later); returns the exit code.
     */
    public int create(TaskSpec task, StorageLocation storage) {
        try (StudyStore store = StudyStores.open(storage)) {
            if (store.findStudy(task.name()).isPresent()) {
                throw new ConfigException("name", "a study named \"" + task.name() + "\" already exists in "
                        + store.location() + "; choose another with --name");
            }
            Proposer proposer = proposers.create(task.proposer(), task); // a bad proposer fails now, not later
            store.createStudy(new StudyDefinition(task.name(), task.space(), task.direction(), task.metric(), task.seed(),
                    task.trials(), TaskFileWriter.toJson(task), clock.instant()));
            console.out().println("Created study " + task.name() + " in " + store.location() + ": " + task.trials()
                    + " trials, proposer " + proposer.name() + ", " + task.direction().lower() + " " + task.metric()
                    + " (" + describe(task) + "). Nothing has run yet.");
            console.out().println("Run it with: tune resume " + task.name() + " --storage " + storage.uri());
            console.out().flush();
            return ExitCodes.OK;
        }
    }

    /** Continues a study after a crash or Ctrl-C; a finished study just prints its summary. */
    public int resume(String name, StorageLocation storage) {
        try (StudyStore store = StudyStores.open(storage)) {
            StudyDefinition def = store.findStudy(name).orElseThrow(() -> new StudyNotFoundException(name, store.location()));
            if (def.taskJson() == null || def.taskJson().equals("{}")) {
                throw new ConfigException("", "study \"" + name + "\" was not created from a task file, so `tune resume`"
                        + " does not know how to evaluate its trials");
            }
            TaskSpec task = loader.fromStoredJson(def.taskJson(), Path.of("").toAbsolutePath());
            Proposer proposer = proposers.create(task.proposer(), task);
            try {
                SlurmReattach.collect(store, task, StudyDirs.forStudy(task, storage), SlurmJobLauncher::new, clock,
                        console.out());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                console.err().println("\nInterrupted while waiting for the study's Slurm jobs (they were cancelled). "
                        + "Continue with: tune resume " + name + " --storage " + storage.uri());
                console.err().flush();
                return ExitCodes.INTERRUPTED;
            }
            return execute(store, storage, task, proposer);
        }
    }

    private int execute(StudyStore store, StorageLocation storage, TaskSpec task, Proposer proposer) {
        Proposer fallback = proposers.fallback(task);
        Path dir = StudyDirs.forStudy(task, storage);
        console.out().println("Study " + task.name() + ": " + task.trials() + " trials, proposer " + proposer.name()
                + ", " + task.direction().lower() + " " + task.metric() + " (" + describe(task) + "); stored in "
                + store.location());
        console.out().flush();
        try (JobLauncher launcher = launchers.open(task.job())) {
            if (launcher instanceof JobLaunchers all) {
                // The job id goes with the trial, so a resumed study can find (and later re-attach to) its job.
                all.onSlurmJobSubmitted((request, jobId) -> store.putTrialAttrs(request.study(), request.trial(),
                        Map.of(SlurmJobLauncher.ATTR, jobId)));
            }
            Optimizer optimizer = new Optimizer(store, launcher, clock, new ProgressPrinter(console.out(), task.metric()));
            // Ctrl-C arrives either as JVM shutdown (this hook) or, through Spring Shell's terminal, as an
            // interrupt of this thread; both cancel the run, and the resume hint is printed once.
            AtomicBoolean hinted = new AtomicBoolean();
            Thread hook = new Thread(() -> stopOnCtrlC(optimizer, task.name(), storage, hinted), "tune-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
            RunOutcome outcome;
            try {
                outcome = optimizer.run(new StudyRun(task.name(), task.job(), proposer, fallback, dir));
            } finally {
                removeHook(hook);
            }
            if (!outcome.finished()) {
                hint(task.name(), storage, hinted);
                return ExitCodes.INTERRUPTED;
            }
            boolean memory = storage instanceof StorageLocation.Memory;
            if (outcome.exhausted()) {
                console.out().println("Stopped before the budget: every configuration of the search space has been"
                        + " tried (" + outcome.last().trials().size() + " trials, budget " + task.trials() + ").");
            }
            console.out().println("Done: " + StudyReport.counts(outcome.last())
                    + (memory ? "" : "; trial directories under " + dir));
            console.out().print(StudyReport.best(outcome.last()));
            if (!memory) {
                console.out().println("See it again: tune history " + task.name() + " --storage " + storage.uri());
            }
            console.out().flush();
            return ExitCodes.OK;
        } finally {
            if (storage instanceof StorageLocation.Memory) {
                StudyDirs.deleteTemporary(dir); // nothing refers to it once the in-memory study is gone
            }
        }
    }

    private void stopOnCtrlC(Optimizer optimizer, String study, StorageLocation storage, AtomicBoolean hinted) {
        try {
            if (optimizer.cancelAndWait(CTRL_C_GRACE)) {
                hint(study, storage, hinted);
            } else {
                console.err().println("\nInterrupted while a trial was being stored; `tune resume " + study
                        + " --storage " + storage.uri() + "` will finish it.");
                console.err().flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hint(String study, StorageLocation storage, AtomicBoolean hinted) {
        if (hinted.compareAndSet(false, true)) {
            console.err().println("\nInterrupted: the running trial is stored as FAILED (\"interrupted by user\"). "
                    + "Continue with: tune resume " + study + " --storage " + storage.uri());
            console.err().flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and must stay registered.
        }
    }

    private static String describe(TaskSpec task) {
        if (task.job() instanceof dev.tuneagent.core.task.InProcessJobSpec in) {
            return in.model() + " on " + in.dataset() + ", " + in.folds() + "-fold CV";
        }
        if (task.job() instanceof SlurmJobSpec slurm) {
            return "slurm job " + String.join(" ", slurm.argv())
                    + (slurm.partition() == null ? "" : " on partition " + slurm.partition());
        }
        return "command " + String.join(" ", ((dev.tuneagent.core.task.CommandJobSpec) task.job()).argv());
    }
}
