package dev.tuneagent.shell.commands;

import dev.tuneagent.agent.loop.StudyService;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.bench.StoreBenchmark;
import dev.tuneagent.core.store.bench.WorkerBenchmark;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.bench.ParallelStudyBenchmark;
import dev.tuneagent.shell.bench.ScaleBenchOptions;
import dev.tuneagent.shell.bench.SlurmCapacity;
import dev.tuneagent.shell.run.Launchers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.shell.standard.ShellCommandGroup;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;

/**
 * {@code bench-scale}: how tune scales out (docs/scale.md). Two tables, not a test: ask+tell throughput of 1..N
 * workers sharing a study per store, and the wall time of a study of a sleeping objective at several
 * {@code budget.parallel} settings, locally and on Slurm.
 */
@ShellComponent
@ShellCommandGroup("Benchmarks")
public class ScaleBenchCommand {
    private final Console console;
    private final ParallelStudyBenchmark studyBench;

    public ScaleBenchCommand(Console console, StudyService studies, TaskLoader loader, Launchers launchers) {
        this.console = console;
        this.studyBench = new ParallelStudyBenchmark(studies, loader, launchers);
    }

    @ShellMethod(key = "bench-scale", value = "Time workers sharing a study per store, and parallel trials locally and on Slurm.")
    public void benchScale(
            @ShellOption(value = "--storage", defaultValue = "sqlite", help = "stores for the worker table, comma-separated: sqlite (a temporary file), memory, sqlite:PATH, postgresql://...; none skips it") String storage,
            @ShellOption(value = "--workers", defaultValue = "1,4,8", help = "worker counts") String workers,
            @ShellOption(value = "--trials", defaultValue = "200", help = "ask+tell rounds per worker-table cell") Integer trials,
            @ShellOption(value = "--threads", defaultValue = "false", help = "workers as threads of this JVM instead of one JVM each") boolean threads,
            @ShellOption(value = "--jobs", defaultValue = "local", help = "local and/or slurm for the parallel-study table; none skips it") String jobs,
            @ShellOption(value = "--parallel", defaultValue = "1,4,8", help = "budget.parallel values") String parallel,
            @ShellOption(value = "--study-trials", defaultValue = "32", help = "trials of each parallel study") Integer studyTrials,
            @ShellOption(value = "--sleep", defaultValue = "1", help = "seconds the objective sleeps") Double sleep,
            @ShellOption(value = "--partition", defaultValue = ShellOption.NULL, help = "Slurm partition (default: the cluster's)") String partition,
            @ShellOption(value = "--proposer", defaultValue = "random", help = "random, sobol or gp") String proposer,
            @ShellOption(value = "--study-storage", defaultValue = "sqlite", help = "sqlite (a temporary file) or memory") String studyStorage) {
        ScaleBenchOptions o = ScaleBenchOptions.parse(storage, workers, trials, threads, jobs, parallel, studyTrials,
                sleep, partition, proposer, studyStorage);
        PrintStream out = console.out();
        out.println(machine("before"));
        if (!o.storages().isEmpty()) {
            workerTable(o, out);
        }
        if (!o.jobs().isEmpty()) {
            studyTable(o, out);
        }
        out.println(machine("after"));
        out.flush();
    }

    private void workerTable(ScaleBenchOptions o, PrintStream out) {
        List<String> labels = o.storages().stream().map(ScaleBenchCommand::label).toList();
        int width = WorkerBenchmark.width(labels);
        out.println();
        out.println("Workers sharing one study: " + o.trials() + " ask+tell rounds per row");
        out.print(WorkerBenchmark.header(width));
        out.flush();
        for (int i = 0; i < labels.size(); i++) {
            String s = o.storages().get(i);
            Path temp = s.equals(ScaleBenchOptions.TEMP_SQLITE) ? tempDir(null, "tune-bench-scale-") : null;
            StorageLocation location = temp != null ? new StorageLocation.Sqlite(temp.resolve("bench.db"))
                    : StorageLocation.parse(s);
            try {
                for (int w : o.workers()) {
                    out.print(WorkerBenchmark.row(WorkerBenchmark.run(labels.get(i), location, w, o.trials(), o.mode()),
                            width));
                    out.flush();
                }
            } finally {
                delete(temp);
            }
        }
        out.print(WorkerBenchmark.footnote());
    }

    /** How a store is named in the table: where the benchmark writes (on PostgreSQL, the schema tune_bench). */
    private static String label(String storage) {
        return storage.equals(ScaleBenchOptions.TEMP_SQLITE) ? "sqlite (temp file)"
                : StoreBenchmark.benchTarget(StorageLocation.parse(storage)).uri();
    }

    private void studyTable(ScaleBenchOptions o, PrintStream out) {
        List<Integer> parallel = o.parallel().stream().sorted().toList();
        out.println();
        out.println(String.format(Locale.ROOT, "A study of %d trials of a %.3g s objective (proposer %s, store %s); "
                + "speed-up vs parallel %d", o.studyTrials(), o.sleepSeconds(), o.proposer(), o.studyStorage(),
                parallel.get(0)));
        out.print(ParallelStudyBenchmark.header());
        out.flush();
        for (String jobs : o.jobs()) {
            if (jobs.equals("slurm") && !SlurmCapacity.hasSbatch()) {
                out.println("slurm  skipped: sbatch is not on the PATH (no Slurm cluster here)");
                continue;
            }
            // Slurm's compute nodes must see the trial directories: under the working directory, not a private /tmp.
            Path dir = tempDir(jobs.equals("slurm") ? Path.of("").toAbsolutePath() : null, ".tune-bench-scale-");
            try {
                double baseline = Double.NaN;
                for (int k : parallel) {
                    ParallelStudyBenchmark.Row row = studyBench.run(jobs, k, o, dir, baseline);
                    if (Double.isNaN(baseline)) {
                        baseline = row.wallSeconds();
                        row = new ParallelStudyBenchmark.Row(row.jobs(), row.parallel(), row.trials(), row.complete(),
                                row.wallSeconds(), 1.0, row.check());
                    }
                    out.print(ParallelStudyBenchmark.row(row));
                    out.flush();
                }
            } finally {
                delete(dir);
            }
            if (jobs.equals("slurm")) {
                out.println(SlurmCapacity.note(o.partition()));
            }
        }
        out.print("""
                (wall s = the whole study: proposing, starting, waiting for and storing every trial. A local command job
                 runs as soon as it is started; a Slurm job when the scheduler starts it, seen at the launcher's poll)
                """);
    }

    private static String machine(String when) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "Machine %s: %d CPUs, load average (1 min) %s", when,
                Runtime.getRuntime().availableProcessors(), load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load));
    }

    private static Path tempDir(Path under, String prefix) {
        try {
            return under == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(under, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the benchmark: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
