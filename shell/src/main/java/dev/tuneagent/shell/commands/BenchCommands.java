package dev.tuneagent.shell.commands;

import dev.tuneagent.evals.bench.BenchCommand;
import dev.tuneagent.evals.bench.BenchOptions;
import dev.tuneagent.evals.bench.ProposerCatalog;
import dev.tuneagent.shell.Console;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/**
 * {@code bench}: proposers × test functions × seeds, printed as the anchors' regret table (docs/bench.md).
 * The options go to evals' own parser, so {@code tune bench} and {@code BenchMain} accept the same words and give
 * the same errors.
 */
@ShellComponent
@ShellCommandGroup("Benchmarks")
public class BenchCommands {
    private final Console console;

    public BenchCommands(Console console) {
        this.console = console;
    }

    @ShellMethod(key = "bench", value = "Benchmark proposers on standard test functions (regret table; see docs/bench.md).")
    public void bench(
            @ShellOption(value = "--proposers", defaultValue = ShellOption.NULL, help = "e.g. gp,sobol,random (default: all)") String proposers,
            @ShellOption(value = "--functions", defaultValue = "all", help = "all, or e.g. branin,hartmann6") String functions,
            @ShellOption(value = "--seeds", defaultValue = "10", help = "seeds 0..N-1") Integer seeds,
            @ShellOption(value = "--trials", defaultValue = "100", help = "trials per run") Integer trials,
            @ShellOption(value = "--jobs", defaultValue = "1", help = "runs in parallel (inflates ms/trial)") Integer jobs,
            @ShellOption(value = "--out", defaultValue = ShellOption.NULL, help = "directory for JSONL results and table.md") String out,
            @ShellOption(value = "--anchors", defaultValue = ShellOption.NULL, help = "optuna-baseline.md or a results directory") String anchors,
            @ShellOption(value = "--overhead", defaultValue = "false", help = "also time proposals at 50..500 observations in 6-D") boolean overhead,
            @ShellOption(value = "--overhead-only", defaultValue = "false", help = "only the overhead table") boolean overheadOnly,
            @ShellOption(value = "--repetitions", defaultValue = "5", help = "repetitions per overhead cell") Integer repetitions) {
        List<String> args = new ArrayList<>();
        if (proposers != null) {
            args.addAll(List.of("--proposers", proposers));
        }
        args.addAll(List.of("--functions", functions, "--seeds", String.valueOf(seeds), "--trials",
                String.valueOf(trials), "--jobs", String.valueOf(jobs), "--repetitions", String.valueOf(repetitions)));
        if (out != null) {
            args.addAll(List.of("--out", out));
        }
        if (anchors != null) {
            args.addAll(List.of("--anchors", anchors));
        }
        if (overhead) {
            args.add("--overhead");
        }
        if (overheadOnly) {
            args.add("--overhead-only");
        }
        ProposerCatalog catalog = ProposerCatalog.standard();
        new BenchCommand(catalog).execute(BenchOptions.parse(args, catalog), console.out(), console.err());
    }
}
