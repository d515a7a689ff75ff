package dev.tuneagent.core.store.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.services.RealServices;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker benchmark's bookkeeping and its checks, never its timings (those are printed by bench-scale). */
class WorkerBenchmarkTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    @TempDir
    Path dir;

    @Test
    void workersInMemoryUseTheWholeBudgetOnceAndPassTheCheck() {
        WorkerBenchmark.Cell one = WorkerBenchmark.run("memory", new StorageLocation.Memory(), 1, 12,
                WorkerBenchmark.Mode.PROCESSES);
        assertThat(one).extracting(WorkerBenchmark.Cell::workers, WorkerBenchmark.Cell::stored,
                WorkerBenchmark.Cell::check, WorkerBenchmark.Cell::mode).containsExactly(1, 12, "ok", "threads");
        assertThat(one.medianMillis()).isLessThanOrEqualTo(one.p95Millis());
        WorkerBenchmark.Cell four = WorkerBenchmark.run("memory", new StorageLocation.Memory(), 4, 40,
                WorkerBenchmark.Mode.THREADS);
        assertThat(four.stored()).isEqualTo(40);
        assertThat(four.check()).isEqualTo("ok");
    }

    @Test
    void workersInSeparateJvmsShareASqliteStudyAndPassTheCheck() {
        StorageLocation sqlite = new StorageLocation.Sqlite(dir.resolve("bench.db"));
        WorkerBenchmark.Cell cell = WorkerBenchmark.run("sqlite", sqlite, 2, 20, WorkerBenchmark.Mode.PROCESSES);
        assertThat(cell.check()).isEqualTo("ok");
        assertThat(cell.stored()).isEqualTo(20);
        assertThat(cell.mode()).isEqualTo("processes");
        assertThat(WorkerBenchmark.table(List.of(cell))).contains("trials/s", "p95 ms", "processes", " ok");
    }

    @Test
    void workersShareAPostgresqlStudyInTheBenchSchemaAndPassTheCheck() {
        var server = (StorageLocation.Postgres) StorageLocation.parse(RealServices.postgresUrl());
        WorkerBenchmark.Cell cell = WorkerBenchmark.run("pg", server, 3, 15, WorkerBenchmark.Mode.THREADS);
        assertThat(cell.check()).isEqualTo("ok");
        assertThat(cell.stored()).isEqualTo(15);
        try (var store = StudyStores.open(StoreBenchmark.benchTarget(server))) {
            assertThat(store.listStudies()).anyMatch(s -> s.definition().name().startsWith("scale-3w-") && s.finished() == 15);
        }
    }

    @Test
    void fewerThanOneWorkerOrTrialIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> WorkerBenchmark.run("m", new StorageLocation.Memory(), 0, 5, WorkerBenchmark.Mode.THREADS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--workers");
        assertThatThrownBy(() -> WorkerBenchmark.run("m", new StorageLocation.Memory(), 1, 0, WorkerBenchmark.Mode.THREADS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--trials");
    }

    private static WorkerLoop.Run run(Integer... numbers) {
        return new WorkerLoop.Run("h/1/a", List.of(numbers), new long[numbers.length], T0, T0.plusSeconds(1), null);
    }

    private static List<Trial> finished(int n, int budget) {
        try (var store = new InMemoryStudyStore()) {
            store.createStudy(WorkerLoop.study("s", budget));
            List<Trial> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Trial t = store.startTrial("s", new Proposal(Map.of("lr", 0.1, "dropout", 0.1, "trees", 20L,
                        "criterion", "gini"), Provenance.of("t", i)), T0);
                out.add(store.finishTrial("s", t.number(), TrialOutcome.complete(1.0, Map.of()), T0));
            }
            return out;
        }
    }

    @Test
    void theCheckNamesEachBrokenPromise() {
        assertThat(BenchCheck.of(finished(3, 3), List.of(run(0, 2), run(1)), 3)).isEqualTo("ok");
        assertThat(BenchCheck.of(finished(4, 3), List.of(run(0, 1), run(2, 3)), 3))
                .startsWith("VIOLATION").contains("4 trials stored, budget 3");
        assertThat(BenchCheck.of(finished(3, 3), List.of(run(0, 1), run(1, 2)), 3))
                .contains("trial 1 handed to two workers");
        assertThat(BenchCheck.of(finished(3, 3), List.of(run(0, 1)), 3))
                .contains("the workers got 2 trials, the store holds 3");
        assertThat(BenchCheck.of(finished(2, 3), List.of(run(0, 1)), 3)).contains("only 2 of 3 trials stored");
        var failed = new WorkerLoop.Run("h/1/b", List.of(), new long[0], T0, T0, "StoreException: database is locked");
        assertThat(BenchCheck.of(finished(2, 3), List.of(run(0, 1), failed), 3))
                .isEqualTo("ERROR: 1 worker error(s), e.g. StoreException: database is locked");
    }

    @Test
    void theCheckSeesATrialLeftRunning() {
        try (var store = new InMemoryStudyStore()) {
            store.createStudy(WorkerLoop.study("s", 2));
            store.startTrial("s", new Proposal(Map.of("lr", 0.1, "dropout", 0.1, "trees", 20L, "criterion", "gini"),
                    Provenance.of("t", 0)), T0);
            assertThat(BenchCheck.of(store.trials("s"), List.of(run(0)), 1)).contains("1 trial(s) not COMPLETE");
        }
    }

    @Test
    void aWorkersAccountSurvivesItsOutputAndAMissingOneIsAnError() {
        var r = new WorkerLoop.Run("vm/42/ab12", List.of(3, 5), new long[]{1200, 3400}, T0, T0.plusMillis(1500),
                "StoreException: locked\nsecond line");
        var back = BenchWorkerMain.decode(concat(List.of("ready", "some library noise"),
                BenchWorkerMain.encode(r).lines().toList()));
        assertThat(back.owner()).isEqualTo("vm/42/ab12");
        assertThat(back.numbers()).containsExactly(3, 5);
        assertThat(back.nanos()).containsExactly(1200, 3400);
        assertThat(back.ended()).isEqualTo(T0.plusMillis(1500));
        assertThat(back.error()).isEqualTo("StoreException: locked second line");
        var none = BenchWorkerMain.decode(List.of("ready", "Exception in thread main", "\tat x.Y"));
        assertThat(none.error()).startsWith("worker process printed no result").contains("Exception in thread main");
        var empty = BenchWorkerMain.decode(BenchWorkerMain.encode(new WorkerLoop.Run("o", List.of(), new long[0], T0,
                T0, null)).lines().toList());
        assertThat(empty.numbers()).isEmpty();
        assertThat(empty.error()).isNull();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void aChildJvmStartsFromAClassPathOrThroughTheBootLauncherOfTuneJar() throws Exception {
        assertThat(JavaChild.command("/j/java", "/a:/b", "x.Main", List.of("s", "1")))
                .containsSubsequence("/j/java", "-cp", "/a:/b", "x.Main", "s", "1");
        Path jar = dir.resolve("tune.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        m.getMainAttributes().putValue("Start-Class", "dev.tuneagent.shell.TuneApplication");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        assertThat(JavaChild.command("/j/java", jar.toString(), "x.Main", List.of("s")))
                .containsSubsequence("-cp", jar.toString(), "-Dloader.main=x.Main",
                        "org.springframework.boot.loader.launch.PropertiesLauncher", "s");
        assertThat(JavaChild.bootLauncher(dir.resolve("missing.jar").toString())).isNull();
    }

    @Test
    void aPostgresPasswordReachesTheWorkersThroughTheEnvironmentNotTheUrl() {
        var pg = new StorageLocation.Postgres("db", 5432, "tune", "me", "s3cret", "tune_bench", Map.of("sslmode", "require"));
        Map<String, String> env = WorkerProcesses.environment(pg);
        assertThat(env).containsEntry("PGPASSWORD", "s3cret").containsEntry(BenchWorkerMain.STORAGE_ENV,
                "postgresql://me@db:5432/tune?schema=tune_bench&sslmode=require");
        assertThat(StorageLocation.parse(env.get(BenchWorkerMain.STORAGE_ENV))).isInstanceOf(StorageLocation.Postgres.class);
    }
}
