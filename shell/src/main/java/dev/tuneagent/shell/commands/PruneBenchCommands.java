package dev.tuneagent.shell.commands;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.RandomProposer;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.evals.prune.PruneBenchCommand;
import dev.tuneagent.shell.Console;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.util.function.Supplier;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code bench-prune}: pruning vs none at equal resource, paired by seed (docs/pruning.md). */
@ShellComponent
@ShellCommandGroup("Benchmarks")
public class PruneBenchCommands {
    private final Console console;

    public PruneBenchCommands(Console console) {
        this.console = console;
    }

    @ShellMethod(key = "bench-prune", value = "Benchmark pruners against no pruning at equal resource (see docs/pruning.md).")
    public void benchPrune(
            @ShellOption(value = "--tasks", defaultValue = PruneBenchCommand.DEFAULT_TASKS, help = "lc-FUNCTION or MODEL-DATASET, comma-separated") String tasks,
            @ShellOption(value = "--pruners", defaultValue = "median,asha,hyperband", help = "median, asha, hyperband") String pruners,
            @ShellOption(value = "--proposer", defaultValue = "random", help = "random, sobol or gp") String proposer,
            @ShellOption(value = "--seeds", defaultValue = "5", help = "seeds 0..N-1") Integer seeds,
            @ShellOption(value = "--trials", defaultValue = "30", help = "trials of the run without pruning") Integer trials,
            @ShellOption(value = "--steps", defaultValue = "27", help = "steps of a learning curve (lc- tasks)") Integer steps)
            throws java.io.IOException {
        Supplier<Proposer> p = switch (proposer) {
            case "random" -> RandomProposer::new;
            case "sobol" -> SobolProposer::new;
            case "gp" -> GpProposer::new;
            default -> throw ConfigException.of("--proposer", proposer, "random, sobol or gp");
        };
        new PruneBenchCommand().execute(tasks, pruners, p, seeds, trials, steps, console.out(), console.err());
    }
}
