package dev.tuneagent.shell.commands;

import dev.tuneagent.agent.proposers.DemoCassettes;
import dev.tuneagent.agent.proposers.LlmProposerRegistration;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.shell.run.StudyRunner;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code demo}: a study that needs nothing but this program. */
@ShellComponent
@ShellCommandGroup("Run studies")
public class DemoCommand {
    static final String DATASET = "wine";
    static final String MODEL = "random-forest";

    private final TaskLoader loader;
    private final StudyRunner runner;
    private final ExitStatus status;
    private final Console console;

    public DemoCommand(TaskLoader loader, StudyRunner runner, ExitStatus status, Console console) {
        this.loader = loader;
        this.runner = runner;
        this.status = status;
        this.console = console;
    }

    @ShellMethod(key = "demo", value = "Tune a random forest on the bundled wine data set: no key, no server, no files.")
    public void demo(@ShellOption(defaultValue = "20", help = "trial budget") Integer trials,
                     @ShellOption(defaultValue = "memory:", help = "where to keep the study (default: in memory)") String storage,
                     @ShellOption(defaultValue = "gp", help = "proposer") String proposer,
                     @ShellOption(defaultValue = "0", help = "study seed") Long seed,
                     @ShellOption(defaultValue = ShellOption.NULL, help = "LLM as PROVIDER:NAME (LLM proposers; "
                             + "default: the shipped stand-in cassette)") String model,
                     @ShellOption(defaultValue = ShellOption.NULL, help = "off, record:DIR or replay:DIR") String cassette) {
        StorageLocation location = StorageLocation.parse(storage);
        TaskSpec demo = TaskSpec.builder(freeName(location), "accuracy", Direction.MAXIMIZE,
                new InProcessJobSpec(DATASET, MODEL, 5, null)).trials(20)
                .description("Classify wines into three cultivars from 13 chemical measurements.").build();
        TaskSpec task = loader.override(loader.complete(demo), null, trials, proposer, seed);
        LlmSpec llm = DemoCassettes.llmFor(task.proposer(), model, cassette);
        task = LlmProposerRegistration.withCli(task, llm);
        console.out().println("Demo: tuning a " + MODEL + " on the bundled " + DATASET + " data set (5-fold CV accuracy).");
        int code = runner.start(task, location);
        status.set(code);
        if (code == ExitCodes.OK && location instanceof StorageLocation.Memory) {
            console.out().println("(This study lived in memory. Keep one with `tune demo --storage sqlite:demo.db`,"
                    + " then `tune history demo --storage sqlite:demo.db`.)");
        }
    }

    /** "demo", or "demo-2", "demo-3"... when a persistent store already holds one. */
    private static String freeName(StorageLocation location) {
        if (location instanceof StorageLocation.Memory) {
            return "demo";
        }
        try (StudyStore store = StudyStores.open(location)) {
            String name = "demo";
            for (int i = 2; store.findStudy(name).isPresent(); i++) {
                name = "demo-" + i;
            }
            return name;
        }
    }
}
