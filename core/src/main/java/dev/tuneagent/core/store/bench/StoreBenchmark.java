package dev.tuneagent.core.store.bench;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What one ask+tell costs in a store: per trial, the snapshot a proposer reads, {@code startTrial} and
 * {@code finishTrial}, timed together over a study of N trials (so later snapshots read more trials,
 * as in a real study). Run with {@code ./tune bench-store --trials 1000 [--storage postgresql://...]} or this
 * class's main. One process, one thread: the figure is the latency of one call, not the throughput of many
 * workers.
 */
public final class StoreBenchmark {
    private static final SearchSpace SPACE = SearchSpace.of(new FloatParam("lr", 1e-5, 1, true),
            new FloatParam("dropout", 0, 0.5, false), new IntParam("trees", 10, 500, true),
            new CategoricalParam("criterion", List.of("gini", "entropy")));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** Where a PostgreSQL benchmark writes when the URL names no schema of its own. */
    public static final String BENCH_SCHEMA = "tune_bench";

    private StoreBenchmark() {
    }

    /** Timings of one store. Micro-second figures are per ask+tell. */
    public record Result(String store, int trials, double medianMicros, double p95Micros, double maxMicros,
                         double totalMillis) {
        public String toTable() {
            return table(List.of(this));
        }
    }

    /** Times {@code trials} ask+tell rounds on a new study in {@code store}; the caller closes the store. */
    public static Result run(String label, StudyStore store, int trials) {
        if (trials < 1) {
            throw ConfigException.of("--trials", trials, "a whole number of at least 1");
        }
        String study = "bench-" + Long.toHexString(System.nanoTime());
        store.createStudy(new StudyDefinition(study, SPACE, Direction.MINIMIZE, "loss", 1, trials, "{}", T0));
        RandomGenerator rng = Seeds.rng(1);
        long[] nanos = new long[trials];
        long start = System.nanoTime();
        for (int i = 0; i < trials; i++) {
            double[] u = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            Proposal p = new Proposal(SPACE.decode(u), Provenance.of("bench", i));
            long t0 = System.nanoTime();
            store.snapshot(study);
            Trial t = store.startTrial(study, p, T0.plusSeconds(i));
            store.finishTrial(study, t.number(), TrialOutcome.complete(u[0], Map.of("loss", u[0])), T0.plusSeconds(i));
            nanos[i] = System.nanoTime() - t0;
        }
        double total = (System.nanoTime() - start) / 1e6;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Result(label, trials, percentile(sorted, 0.5) / 1e3, percentile(sorted, 0.95) / 1e3,
                sorted[sorted.length - 1] / 1e3, total);
    }

    public static Result run(StudyStore store, int trials) {
        return run(store.location(), store, trials);
    }

    /** Both stores: SQLite on a temporary file (deleted afterwards) and in memory. */
    public static List<Result> runAll(int trials) {
        return runAll(trials, List.of());
    }

    /**
     * SQLite on a temporary file, memory, then each of {@code more} (e.g. a PostgreSQL server). A PostgreSQL
     * location in its default schema is benchmarked in the schema {@value #BENCH_SCHEMA} instead, so the
     * benchmark's studies never show up among the user's.
     */
    public static List<Result> runAll(int trials, List<StorageLocation> more) {
        List<Result> out = new ArrayList<>(runLocal(trials));
        for (StorageLocation location : more) {
            StorageLocation target = benchTarget(location);
            try (StudyStore store = StudyStores.open(target)) {
                out.add(run(store.location(), store, trials));
            }
        }
        return out;
    }

    /**
     * Where a benchmark writes in {@code location}: a PostgreSQL location in its default schema becomes the schema
     * {@value #BENCH_SCHEMA}, so the benchmark's studies never show up among the user's; anything else is itself.
     */
    public static StorageLocation benchTarget(StorageLocation location) {
        return location instanceof StorageLocation.Postgres p && p.schema().equals("public")
                ? new StorageLocation.Postgres(p.host(), p.port(), p.database(), p.user(), p.password(),
                        BENCH_SCHEMA, p.options())
                : location;
    }

    private static List<Result> runLocal(int trials) {
        List<Result> out = new ArrayList<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("tune-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the benchmark", e);
        }
        try (StudyStore sqlite = new SqliteStudyStore(dir.resolve("bench.db"))) {
            out.add(run("sqlite (temp file, WAL, synchronous=FULL)", sqlite, trials));
        } finally {
            for (String f : List.of("bench.db", "bench.db-wal", "bench.db-shm", "")) {
                try {
                    Files.deleteIfExists(f.isEmpty() ? dir : dir.resolve(f));
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
        try (StudyStore memory = new InMemoryStudyStore()) {
            out.add(run("memory", memory, trials));
        }
        return out;
    }

    public static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        int width = Math.max(44, results.stream().mapToInt(r -> r.store().length()).max().orElse(0));
        String head = "%-" + width + "s %7s %12s %12s %12s %10s%n";
        sb.append(String.format(Locale.ROOT, head, "store", "trials", "median µs", "p95 µs", "max µs", "total ms"));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %7d %12.1f %12.1f %12.1f %10.1f%n", r.store(), r.trials(),
                    r.medianMicros(), r.p95Micros(), r.maxMicros(), r.totalMillis()));
        }
        sb.append("(one ask+tell = snapshot + startTrial + finishTrial)\n");
        return sb.toString();
    }

    private static double percentile(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** {@code StoreBenchmark [--trials] N} (default 1000). */
    public static void main(String[] args) {
        int trials = 1000;
        List<String> a = Arrays.asList(args);
        String value = a.isEmpty() ? null : a.get(a.size() - 1);
        if (value != null) {
            try {
                trials = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                System.err.println(ConfigException.of("--trials", value, "a whole number of at least 1").getMessage());
                System.exit(2);
            }
        }
        System.out.print(table(runAll(trials)));
    }
}
