package dev.tuneagent.shell.commands;

import dev.tuneagent.core.store.bench.StoreBenchmark;
import dev.tuneagent.shell.Console;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/** {@code bench-store}: what one ask+tell costs in each store (a benchmark table, not a test). */
@ShellComponent
@ShellCommandGroup("Benchmarks")
public class BenchStoreCommand {
    private final Console console;

    public BenchStoreCommand(Console console) {
        this.console = console;
    }

    @ShellMethod(key = "bench-store", value = "Time ask+tell on SQLite (temporary file) and in memory.")
    public void benchStore(@ShellOption(defaultValue = "1000", help = "trials per store") int trials) {
        console.out().print(StoreBenchmark.table(StoreBenchmark.runAll(trials)));
        console.out().flush();
    }
}
