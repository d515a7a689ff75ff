package dev.tuneagent.shell.run;

import dev.tuneagent.agent.loop.Leases;
import dev.tuneagent.agent.loop.Leasing;
import dev.tuneagent.agent.loop.Optimizer;
import dev.tuneagent.agent.loop.PreparedStudy;
import dev.tuneagent.agent.loop.RunOutcome;
import dev.tuneagent.agent.loop.StudyBusyException;
import dev.tuneagent.agent.loop.StudyRun;
import dev.tuneagent.agent.loop.StudyService;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.format.StudyReport;
import dev.tuneagent.tools.job.JobLauncher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The console face of {@link StudyService}: creates or resumes a study through it and runs it to its budget,
 * printing progress; Ctrl-C leaves it resumable.
 */
public final class StudyRunner {
    private static final Duration CTRL_C_GRACE = Duration.ofSeconds(20);

    private final StudyService studies;
    private final Launchers launchers;
    private final Console console;
    private final TerminalInfo terminal;
    private final Clock clock;

    public StudyRunner(StudyService studies, Launchers launchers, Console console) {
        this(studies, launchers, console, Clock.systemUTC(), TerminalInfo.PLAIN);
    }

    /** @param terminal when interactive, a live progress bar replaces the one-line-per-trial output */
    public StudyRunner(StudyService studies, Launchers launchers, Console console, Clock clock, TerminalInfo terminal) {
        this.studies = studies;
        this.clock = clock;
        this.launchers = launchers;
        this.console = console;
        this.terminal = terminal;
    }

    /** Creates a new study from {@code task} and runs it; returns the exit code. */
    public int start(TaskSpec task, StorageLocation storage) {
        try (StudyStore store = StudyStores.open(storage)) {
            return execute(store, storage, studies.create(store, task), run -> run, Leasing.standard());
        }
    }

    /**
     * Creates a study from {@code task} without running a trial (for {@code tune resume}, or several workers,
     * to run later); returns the exit code.
     */
    public int create(TaskSpec task, StorageLocation storage) {
        try (StudyStore store = StudyStores.open(storage)) {
            Proposer proposer = studies.create(store, task).proposer(); // a bad proposer fails now, not later
            console.out().println("Created study " + task.name() + " in " + store.location() + ": " + task.trials()
                    + " trials, proposer " + proposer.name() + ", " + task.direction().lower() + " " + task.metric()
                    + " (" + describe(task) + "). Nothing has run yet.");
            console.out().println("Run it with: tune resume " + task.name() + " --storage " + storage.uri());
            console.out().println("or share it among processes, on each: tune worker " + task.name() + " --storage "
                    + storage.uri() + " [--parallel K]");
            console.out().flush();
            return ExitCodes.OK;
        }
    }

    /** Continues a study after a crash or Ctrl-C; a finished study just prints its summary. */
    public int resume(String name, StorageLocation storage) {
        return resume(name, storage, null);
    }

    /**
     * Continues a study after a crash or Ctrl-C, with {@code parallel} trials at once (null: the task's); a finished
     * study just prints its summary. A study another live process runs is refused before anything changes.
     */
    public int resume(String name, StorageLocation storage, Integer parallel) {
        try (StudyStore store = StudyStores.open(storage)) {
            PreparedStudy study = studies.reopen(store, name);
            // Before anything is touched (a trial failed, a Slurm job followed): whose study is it?
            Leases.checkNotBusy(store, name, Leasing.DEFAULT_GRACE, clock, storage.uri());
            return execute(store, storage, study, run -> parallel == null ? run : run.withParallel(parallel),
                    Leasing.standard());
        }
    }

    /**
     * Joins a study (made by {@code tune create}, or run elsewhere) as one of its workers and runs its trials until
     * every trial of its budget is finished, waiting for the other workers' trials and taking over those whose
     * heartbeat is older than {@code grace}. {@code parallel} null: the task's.
     */
    public int worker(String name, StorageLocation storage, Integer parallel, Duration grace) {
        try (StudyStore store = StudyStores.open(storage)) {
            PreparedStudy study = studies.reopen(store, name);
            console.out().println("Worker " + store.owner() + " joins study " + name + " (trials whose worker has been"
                    + " silent for " + ProgressLine.time(grace) + " are taken over).");
            return execute(store, storage, study, run -> (parallel == null ? run : run.withParallel(parallel)).asWorker(),
                    Leasing.withGrace(grace));
        }
    }

    private int execute(StudyStore store, StorageLocation storage, PreparedStudy study, UnaryOperator<StudyRun> how,
                        Leasing leasing) {
        TaskSpec task = study.task();
        Path dir = StudyDirs.forStudy(task, storage);
        StudyRun run = how.apply(study.runIn(dir));
        console.out().println("Study " + task.name() + ": " + task.trials() + " trials" + (run.parallel() > 1
                ? " (" + run.parallel() + " at once)" : "") + ", proposer " + study.proposer().name()
                + ", " + task.direction().lower() + " " + task.metric() + " (" + describe(task) + "); stored in "
                + store.location());
        console.out().flush();
        ProgressBar bar = terminal.interactive()
                ? new ProgressBar(console.out(), task.metric(), terminal, clock).begin(store.snapshot(task.name())).startTicker()
                : null;
        try (JobLauncher launcher = launchers.open(task.job())) {
            Optimizer optimizer = studies.optimizer(store, launcher,
                    bar != null ? bar : new ProgressPrinter(console.out(), task.metric()), leasing);
            // Ctrl-C arrives either as JVM shutdown (this hook) or, through Spring Shell's terminal, as an
            // interrupt of this thread; both cancel the run, and the resume hint is printed once.
            AtomicBoolean hinted = new AtomicBoolean();
            Thread hook = new Thread(() -> stopOnCtrlC(optimizer, task.name(), storage, hinted), "tune-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
            RunOutcome outcome;
            try {
                outcome = optimizer.run(run);
            } catch (StudyBusyException busy) {
                // Another process started it between the check and the run: say how to join with the user's --storage.
                throw new StudyBusyException(busy.study(), busy.live(), storage.uri());
            } finally {
                if (bar != null) {
                    bar.close(); // the bar's line ends before any summary or Ctrl-C hint
                }
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

    /**
     * Prints the resume hint once, whether the main thread or the Ctrl-C hook gets there first. Checking and printing
     * happen under one lock: otherwise the hook could see the flag set, return, and let the JVM halt while the main
     * thread had not printed the hint yet (seen in CI: a SIGTERM run ended without it).
     */
    private void hint(String study, StorageLocation storage, AtomicBoolean hinted) {
        synchronized (hinted) {
            if (hinted.get()) {
                return;
            }
            console.err().println("\nInterrupted: the running trials are stored as FAILED (\"interrupted by user\") and"
                    + " run again on resume. Continue with: tune resume " + study + " --storage " + storage.uri());
            console.err().flush();
            hinted.set(true);
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
        if (task.job() instanceof InProcessJobSpec in) {
            return in.model() + " on " + in.dataset() + ", " + in.folds() + "-fold CV";
        }
        if (task.job() instanceof SlurmJobSpec slurm) {
            return "slurm job " + String.join(" ", slurm.argv())
                    + (slurm.partition() == null ? "" : " on partition " + slurm.partition());
        }
        return "command " + String.join(" ", ((CommandJobSpec) task.job()).argv());
    }
}
