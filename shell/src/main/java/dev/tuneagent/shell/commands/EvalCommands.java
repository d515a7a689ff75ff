package dev.tuneagent.shell.commands;

import dev.tuneagent.evals.eval.EvalMain;
import dev.tuneagent.evals.eval.EvalOptions;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.ExitStatus;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/**
 * {@code eval}: proposers × tasks × seeds at an equal trial budget, with a report (docs/eval.md). The options
 * go to evals' own parser, so {@code tune eval} and {@code EvalMain} accept the same words and give the same errors.
 */
@ShellComponent
@ShellCommandGroup("Benchmarks")
public class EvalCommands {
    private final Console console;
    private final InProcessCatalog catalog;
    private final ExitStatus status;

    public EvalCommands(Console console, InProcessCatalog catalog, ExitStatus status) {
        this.console = console;
        this.catalog = catalog;
        this.status = status;
    }

    @ShellMethod(key = "eval", value = "Compare proposers on synthetic, ML or your own tasks; writes a report (docs/eval.md).")
    public void eval(
            @ShellOption(value = "--suite", defaultValue = ShellOption.NULL, help = "synthetic, ml or a suite file (.yaml)") String suite,
            @ShellOption(value = "--tasks", defaultValue = ShellOption.NULL, help = "only these tasks, e.g. branin,knn-wine") String tasks,
            @ShellOption(value = "--proposers", defaultValue = ShellOption.NULL, help = "e.g. default,random,sobol,gp,hybrid,llambo") String proposers,
            @ShellOption(value = "--seeds", defaultValue = "5", help = "seeds 0..N-1") Integer seeds,
            @ShellOption(value = "--trials", defaultValue = "30", help = "trial budget per cell") Integer trials,
            @ShellOption(value = "--out", defaultValue = ShellOption.NULL, help = "results directory (resumable)") String out,
            @ShellOption(value = "--jobs", defaultValue = "1", help = "cells in parallel") Integer jobs,
            @ShellOption(value = "--model", defaultValue = ShellOption.NULL, help = "model of the LLM proposers") String model,
            @ShellOption(value = "--llm", defaultValue = "off", help = "off, record:DIR or replay:DIR") String llm,
            @ShellOption(value = "--anonymize", defaultValue = "false", help = "anonymized test functions") boolean anonymize,
            @ShellOption(value = "--plain", defaultValue = "false", help = "textbook test functions") boolean plain,
            @ShellOption(value = "--store", defaultValue = "sqlite", help = "sqlite (a file per cell) or memory") String store,
            @ShellOption(value = "--checkpoints", defaultValue = "5,10,25,50", help = "trial counts reported") String checkpoints,
            @ShellOption(value = "--retry-failed", defaultValue = "false", help = "run failed cells again") boolean retryFailed,
            @ShellOption(value = "--report-only", defaultValue = "false", help = "rebuild the report from results.jsonl") boolean reportOnly) {
        List<String> args = new ArrayList<>();
        add(args, "--suite", suite);
        add(args, "--tasks", tasks);
        add(args, "--proposers", proposers);
        add(args, "--out", out);
        add(args, "--model", model);
        args.addAll(List.of("--seeds", String.valueOf(seeds), "--trials", String.valueOf(trials), "--jobs",
                String.valueOf(jobs), "--llm", llm, "--store", store, "--checkpoints", checkpoints));
        flag(args, "--anonymize", anonymize);
        flag(args, "--plain", plain);
        flag(args, "--retry-failed", retryFailed);
        flag(args, "--report-only", reportOnly);
        EvalOptions options = EvalOptions.parse(args, EvalMain.proposerNames());
        int failed = EvalMain.command(catalog, System.getenv("TUNE_RECORDED_WITH"))
                .execute(options, console.out(), console.err());
        status.set(failed > 0 ? ExitCodes.CELLS_FAILED : ExitCodes.OK);
    }

    private static void add(List<String> args, String key, String value) {
        if (value != null) {
            args.addAll(List.of(key, value));
        }
    }

    private static void flag(List<String> args, String key, boolean on) {
        if (on) {
            args.add(key);
        }
    }
}
