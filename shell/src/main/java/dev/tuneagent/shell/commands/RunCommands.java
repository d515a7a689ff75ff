package dev.tuneagent.shell.commands;

import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.shell.run.StudyRunner;
import java.nio.file.Path;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code run}, {@code create}, {@code resume}: studies that evaluate trials. */
@ShellComponent
@ShellCommandGroup("Run studies")
public class RunCommands {
    static final String PARALLEL_HELP = "trials running at once (default: the task's budget.parallel, else 1)";
    private final TaskLoader loader;
    private final StudyRunner runner;
    private final ExitStatus status;

    public RunCommands(TaskLoader loader, StudyRunner runner, ExitStatus status) {
        this.loader = loader;
        this.runner = runner;
        this.status = status;
    }

    @ShellMethod(key = "run", value = "Create a study from a task file (YAML or JSON) and run it to its budget.")
    public void run(@ShellOption(value = "--task", help = "the task file") String task,
                    @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "study name (default: the task's name)") String name,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "trial budget (default: budget.trials)") Integer trials,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "proposer (default: the task's, else gp)") String proposer,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "study seed (default: the task's, else 0)") Long seed,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "LLM as PROVIDER:NAME (default: llm.model)") String model,
                    @ShellOption(defaultValue = ShellOption.NULL, help = "off, record:DIR or replay:DIR (default: llm.cassette)") String cassette,
                    @ShellOption(defaultValue = ShellOption.NULL, help = PARALLEL_HELP) Integer parallel) {
        StorageLocation location = StorageLocation.parse(storage);
        TaskSpec spec = LlmProposerRegistration.withCli(loader.override(loader.load(Path.of(task)), name, trials,
                proposer, seed), model, cassette);
        if (parallel != null) {
            spec = spec.toBuilder().parallel(WorkerOptions.parallel(parallel)).build(); // stored: resume keeps it
        }
        status.set(runner.start(spec, location));
    }

    @ShellMethod(key = "create", value = "Create a study from a task file without running it (run it with resume).")
    public void create(@ShellOption(value = "--task", help = "the task file") String task,
                       @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                       @ShellOption(defaultValue = ShellOption.NULL, help = "study name (default: the task's name)") String name,
                       @ShellOption(defaultValue = ShellOption.NULL, help = "trial budget (default: budget.trials)") Integer trials,
                       @ShellOption(defaultValue = ShellOption.NULL, help = "proposer (default: the task's, else gp)") String proposer,
                       @ShellOption(defaultValue = ShellOption.NULL, help = "study seed (default: the task's, else 0)") Long seed,
                       @ShellOption(defaultValue = ShellOption.NULL, help = PARALLEL_HELP) Integer parallel) {
        StorageLocation location = StorageLocation.parse(storage);
        TaskSpec spec = loader.override(loader.load(Path.of(task)), name, trials, proposer, seed);
        if (parallel != null) {
            spec = spec.toBuilder().parallel(WorkerOptions.parallel(parallel)).build(); // each worker's default
        }
        status.set(runner.create(spec, location));
    }

    @ShellMethod(key = "resume", value = "Continue a study after a crash or Ctrl-C until its budget is used.")
    public void resume(@ShellOption(value = "--study", help = "the study name") String study,
                       @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                       @ShellOption(defaultValue = ShellOption.NULL, help = PARALLEL_HELP) Integer parallel) {
        Integer k = parallel == null ? null : WorkerOptions.parallel(parallel);
        status.set(runner.resume(study, StorageLocation.parse(storage), k));
    }

    @ShellMethod(key = "worker", value = "Join a study (made with create, or running elsewhere) and run its trials until"
            + " its budget is finished; any number of workers may share one study.")
    public void worker(@ShellOption(value = "--study", help = "the study name") String study,
                       @ShellOption(defaultValue = ShellOption.NULL, help = StorageHelp.TEXT) String storage,
                       @ShellOption(defaultValue = ShellOption.NULL, help = PARALLEL_HELP) Integer parallel,
                       @ShellOption(defaultValue = ShellOption.NULL, help = "take over a trial whose worker has sent no"
                               + " heartbeat for this long, e.g. 30s or 2m (default: 60s)") String grace) {
        Integer k = parallel == null ? null : WorkerOptions.parallel(parallel);
        status.set(runner.worker(study, StorageLocation.parse(storage), k, WorkerOptions.grace(grace)));
    }
}
