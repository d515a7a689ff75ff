package dev.tuneagent.core.store.bench;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Ask+tell throughput of several workers sharing one study: each worker has its own store instance (its own
 * connection and owner) in its own thread or, by default, its own JVM, and they all ask
 * ({@code startTrialWithinBudget}) and tell ({@code finishTrial}) until the budget is used. Every cell then checks
 * what the store must guarantee: unique trial numbers, the budget never exceeded, every result kept
 * ({@link BenchCheck}). Run with {@code ./tune bench-scale}.
 */
public final class WorkerBenchmark {
    /** How the workers of a cell run. A memory store cannot be shared between JVMs, so it always uses threads. */
    public enum Mode {
        THREADS, PROCESSES;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One row: {@code workers} workers on {@code store}; latencies in milliseconds per ask+tell. */
    public record Cell(String store, int workers, String mode, int budget, int stored, double wallSeconds,
                       double medianMillis, double p95Millis, String check) {
        public double trialsPerSecond() {
            return wallSeconds > 0 ? stored / wallSeconds : 0;
        }
    }

    private static final Duration READY_LIMIT = Duration.ofMinutes(2);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(30);

    private WorkerBenchmark() {
    }

    /** Runs one cell on a new study in {@code location}; {@code label} names the store in the table. */
    public static Cell run(String label, StorageLocation location, int workers, int budget, Mode mode) {
        if (workers < 1) {
            throw ConfigException.of("--workers", workers, "whole numbers of at least 1");
        }
        if (budget < 1) {
            throw ConfigException.of("--trials", budget, "a whole number of at least 1");
        }
        String study = "scale-" + workers + "w-" + Long.toHexString(System.nanoTime());
        if (location instanceof StorageLocation.Memory) {
            try (InMemoryStudyStore shared = new InMemoryStudyStore()) {
                shared.createStudy(WorkerLoop.study(study, budget));
                List<WorkerLoop.Run> runs = inThreads(() -> shared.asWorker(Owner.forThisProcess()), study, workers);
                return cell(label, workers, Mode.THREADS, budget, runs, BenchCheck.of(shared.trials(study), runs, budget));
            }
        }
        StorageLocation target = StoreBenchmark.benchTarget(location);
        try (StudyStore admin = StudyStores.open(target)) {
            admin.createStudy(WorkerLoop.study(study, budget));
            List<WorkerLoop.Run> runs = mode == Mode.THREADS
                    ? inThreads(() -> StudyStores.open(target), study, workers)
                    : WorkerProcesses.run(target, study, workers, READY_LIMIT, RUN_LIMIT);
            return cell(label, workers, mode, budget, runs, BenchCheck.of(admin.trials(study), runs, budget));
        }
    }

    /** Each worker opens its store before the start signal, so connecting is not timed. */
    static List<WorkerLoop.Run> inThreads(Supplier<StudyStore> stores, String study, int workers) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<WorkerLoop.Run>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                long seed = w + 1;
                futures.add(pool.submit(() -> {
                    StudyStore opened;
                    try {
                        opened = stores.get();
                    } finally {
                        ready.countDown(); // also when the store could not be opened: never block the others
                    }
                    try (StudyStore store = opened) {
                        go.await();
                        return WorkerLoop.work(store, study, seed);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<WorkerLoop.Run> runs = new ArrayList<>();
            for (Future<WorkerLoop.Run> f : futures) {
                try {
                    runs.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    runs.add(new WorkerLoop.Run("?", List.of(), new long[0], java.time.Instant.EPOCH,
                            java.time.Instant.EPOCH, c.getClass().getSimpleName() + ": " + c.getMessage()));
                }
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the benchmark workers ran", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Cell cell(String label, int workers, Mode mode, int budget, List<WorkerLoop.Run> runs, String check) {
        long[] all = runs.stream().flatMapToLong(r -> Arrays.stream(r.nanos())).sorted().toArray();
        List<WorkerLoop.Run> ran = runs.stream().filter(r -> r.began().isAfter(java.time.Instant.EPOCH)).toList();
        double wall = ran.isEmpty() ? 0 : Duration.between(
                ran.stream().map(WorkerLoop.Run::began).min(Comparator.naturalOrder()).orElseThrow(),
                ran.stream().map(WorkerLoop.Run::ended).max(Comparator.naturalOrder()).orElseThrow()).toNanos() / 1e9;
        int stored = runs.stream().mapToInt(r -> r.numbers().size()).sum();
        return new Cell(label, workers, mode.label(), budget, stored, wall, percentile(all, 0.5) / 1e6,
                percentile(all, 0.95) / 1e6, check);
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** The column titles, the store column {@code width} wide (rows are printed as they finish, so it is fixed first). */
    public static String header(int width) {
        return String.format(Locale.ROOT, "%-" + width + "s %7s %-9s %6s %7s %9s %9s %9s  %s%n", "store", "workers",
                "mode", "trials", "wall s", "trials/s", "median ms", "p95 ms", "check");
    }

    public static String row(Cell c, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s %7d %-9s %6d %7.2f %9.1f %9.2f %9.2f  %s%n", c.store(),
                c.workers(), c.mode(), c.stored(), c.wallSeconds(), c.trialsPerSecond(), c.medianMillis(),
                c.p95Millis(), c.check());
    }

    /** Wide enough for every label, at least 20. */
    public static int width(List<String> labels) {
        return Math.max(20, labels.stream().mapToInt(String::length).max().orElse(0));
    }

    public static String footnote() {
        return """
                (ask+tell = startTrialWithinBudget + finishTrial on one shared study until its budget is used; each worker
                 has its own store instance: connection and owner. processes = one JVM per worker, timed from a common
                 start once every JVM has connected. check = unique numbers, budget not exceeded, every result kept)
                """;
    }

    public static String table(List<Cell> cells) {
        int width = width(cells.stream().map(Cell::store).toList());
        StringBuilder sb = new StringBuilder(header(width));
        cells.forEach(c -> sb.append(row(c, width)));
        return sb.append(footnote()).toString();
    }
}
