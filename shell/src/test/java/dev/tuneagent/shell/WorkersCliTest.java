package dev.tuneagent.shell;

import static dev.tuneagent.shell.fixtures.Cli.tune;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.loop.Interruptions;
import dev.tuneagent.core.services.RealServices;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.Cli.Result;
import dev.tuneagent.shell.fixtures.Tasks;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel trials and workers end to end: real {@code tune} processes (child JVMs) on one SQLite file or one
 * PostgreSQL database, running command jobs (fresh JVMs) that take a while.
 */
@Tag("e2e")
class WorkersCliTest {
    private static final int BUDGET = 6;
    @TempDir
    Path dir;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    private Process child(String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Tasks.java(), "-cp", System.getProperty("java.class.path"),
                TuneApplication.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OBJECTIVE_SLEEP_MS", "1500");
        pb.environment().put("TUNE_LOG_FILE", dir.resolve("tune.log").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".out").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private Path task(String name) throws Exception {
        Path t = Tasks.quadratic(dir, name, BUDGET);
        Files.writeString(t, Files.readString(t).replace("budget: {trials: " + BUDGET + "}",
                "budget: {trials: " + BUDGET + ", parallel: 2}"));
        return t;
    }

    private static List<Trial> trials(String storage, String study) {
        try (StudyStore store = StudyStores.open(storage)) {
            return store.findStudy(study).isPresent() ? store.trials(study) : List.of();
        }
    }

    private static List<Lease> leases(String storage, String study) {
        try (StudyStore store = StudyStores.open(storage)) {
            return store.findStudy(study).isPresent() ? store.leases(study, Instant.now()) : List.of();
        }
    }

    /** Polls another process's database (nothing to wait on directly), at most a few minutes. */
    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static Predicate<Lease> ownedBy(Process p) {
        return l -> Owner.parse(l.owner()).map(o -> o.pid() == p.pid()).orElse(false);
    }

    private String output(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".out"));
    }

    private static void assertTheWholeBudgetFinished(List<Trial> t) {
        assertThat(t).extracting(Trial::number).containsExactlyElementsOf(IntStream.range(0, BUDGET).boxed().toList());
        assertThat(t).allMatch(x -> x.state().isFinished());
    }

    @Test
    void a_second_resume_of_a_running_study_is_refused_and_a_worker_joins_it_instead() throws Exception {
        String storage = "sqlite:" + dir.resolve("s.db");
        Process run = child("run", "run", task("busy").toString(), "--storage", storage);
        await("the run has trials running", () -> leases(storage, "busy").stream().anyMatch(ownedBy(run)));

        Result refused = tune("resume", "busy", "--storage", storage);
        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.STUDY_BUSY);
        assertThat(refused.err()).contains("study \"busy\" is being run by another live process", "pid " + run.pid(),
                "tune worker busy --storage " + storage).doesNotContain("\tat ");
        assertThat(trials(storage, "busy")).noneMatch(t -> t.state() == TrialState.FAILED);

        Result worker = tune("worker", "busy", "--storage", storage, "--parallel", "1");
        assertThat(worker.code()).as(worker.err()).isZero();
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output("run")).isZero();
        List<Trial> t = trials(storage, "busy");
        assertTheWholeBudgetFinished(t);
        assertThat(t).as("every result of both processes kept").allMatch(Trial::isComplete);
        assertThat(output("run")).doesNotContain("internal error");
    }

    @Test
    void after_kill_minus_9_of_a_worker_the_other_worker_takes_over_its_trials_and_finishes_the_study()
            throws Exception {
        String storage = "sqlite:" + dir.resolve("s.db");
        Result created = tune("create", task("shared").toString(), "--storage", storage);
        assertThat(created.code()).as(created.err()).isZero();
        Process doomed = child("doomed", "worker", "shared", "--storage", storage, "--parallel", "2");
        await("the doomed worker runs two trials", () -> leases(storage, "shared").stream().filter(ownedBy(doomed))
                .count() == 2);
        Process survivor = child("survivor", "worker", "shared", "--storage", storage, "--parallel", "1",
                "--grace", "2s");
        List<Integer> cut = leases(storage, "shared").stream().filter(ownedBy(doomed)).map(Lease::number).toList();
        doomed.destroyForcibly(); // SIGKILL: its leases stay behind with no heartbeat
        assertThat(doomed.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(survivor.waitFor(4, TimeUnit.MINUTES)).as(output("survivor")).isTrue();
        assertThat(survivor.exitValue()).as(output("survivor")).isZero();
        List<Trial> t = trials(storage, "shared");
        assertTheWholeBudgetFinished(t);
        // Taken over unless it had just been stored when the kill came.
        assertThat(cut).allSatisfy(n -> assertThat(t.get(n).state() == TrialState.COMPLETE
                || Interruptions.FOUND_AT_RESUME.equals(t.get(n).message())).as("trial " + n).isTrue());
        assertThat(t).anyMatch(x -> Interruptions.FOUND_AT_RESUME.equals(x.message()));
    }

    @Test
    void create_stores_parallel_with_the_task_so_every_worker_and_resume_uses_it() throws Exception {
        String storage = "sqlite:" + dir.resolve("s.db");
        Result created = tune("create", Tasks.quadratic(dir, "wide", 4).toString(), "--storage", storage,
                "--parallel", "3");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("tune worker wide --storage " + storage);
        try (StudyStore store = StudyStores.open(storage)) {
            assertThat(store.findStudy("wide").orElseThrow().taskJson()).contains("\"parallel\":3");
        }
    }

    @Test
    void sigterm_like_ctrl_c_with_two_trials_running_stores_both_interrupted_and_exits_resumably() throws Exception {
        String storage = "sqlite:" + dir.resolve("s.db");
        Process run = child("run", "run", task("stopped").toString(), "--storage", storage);
        await("two trials running", () -> leases(storage, "stopped").stream().filter(ownedBy(run)).count() == 2);
        List<Integer> cut = leases(storage, "stopped").stream().map(Lease::number).toList();
        run.destroy(); // SIGTERM runs the same shutdown hook as SIGINT (Ctrl-C)
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output("run")).isEqualTo(143);
        assertThat(output("run")).contains("Interrupted: the running trials are stored as FAILED",
                "tune resume stopped --storage " + storage);
        List<Trial> t = trials(storage, "stopped");
        assertThat(t).noneMatch(x -> x.state() == TrialState.RUNNING);
        assertThat(cut).allSatisfy(n -> assertThat(t.get(n).state() == TrialState.COMPLETE
                || Interruptions.BY_USER.equals(t.get(n).message())).as("trial " + n).isTrue());

        Result resumed = tune("resume", "stopped", "--storage", storage);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertTheWholeBudgetFinished(trials(storage, "stopped"));
    }

    @Test
    void two_workers_share_one_study_on_postgresql_with_unique_numbers_and_every_result() throws Exception {
        String url = RealServices.postgresUrl();
        String schema = "workers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String storage = url + (url.contains("?") ? "&" : "?") + "schema=" + schema;
        Result created = tune("create", task("pgshared").toString(), "--storage", storage);
        assertThat(created.code()).as(created.err()).isZero();
        Process a = child("a", "worker", "pgshared", "--storage", storage, "--parallel", "2");
        Process b = child("b", "worker", "pgshared", "--storage", storage, "--parallel", "2");
        assertThat(a.waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(b.waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(a.exitValue()).as(output("a")).isZero();
        assertThat(b.exitValue()).as(output("b")).isZero();
        List<Trial> t = trials(storage, "pgshared");
        assertTheWholeBudgetFinished(t);
        assertThat(t).allMatch(Trial::isComplete);
    }
}
