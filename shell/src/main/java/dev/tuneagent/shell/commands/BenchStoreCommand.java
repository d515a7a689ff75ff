package dev.tuneagent.shell.commands;

import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.bench.StoreBenchmark;
import java.util.List;
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

    @ShellMethod(key = "bench-store", value = "Time ask+tell on SQLite (temporary file), in memory and in --storage.")
    public void benchStore(@ShellOption(defaultValue = "1000", help = "trials per store") int trials,
                           @ShellOption(defaultValue = ShellOption.NULL, help = "one more store to time, e.g. "
                                   + "postgresql://USER:PASSWORD@HOST:PORT/DB (its studies go to schema tune_bench)")
                           String storage) {
        List<StorageLocation> more = storage == null ? List.of() : List.of(StorageLocation.parse(storage));
        console.out().print(StoreBenchmark.table(StoreBenchmark.runAll(trials, more)));
        console.out().flush();
    }
}
