package dev.tuneagent.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.loop.Interruptions;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.Tasks;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-safety promise end to end: a real `tune run` in a child JVM on a command task is killed
 * (SIGKILL, or SIGTERM like Ctrl-C) in the middle of a trial, and `tune resume` finishes the study with
 * exactly its budget of trials, each number once, none left RUNNING.
 */
@Tag("e2e")
class CrashResumeTest {
    private static final int BUDGET = 6;
    @TempDir
    Path dir;

    private Process startRun(Path task, Path db) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Tasks.java(), "-cp", System.getProperty("java.class.path"),
                TuneApplication.class.getName(), "run", task.toString(), "--storage", "sqlite:" + db);
        pb.environment().put("OBJECTIVE_SLEEP_MS", "400");
        pb.environment().put("TUNE_LOG_FILE", dir.resolve("tune.log").toString());
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    /** Reads the child's output until {@code n} trials finished, then waits for the next one to be RUNNING. */
    private void awaitTrialsThenARunningOne(Process p, Path db, String study, int n) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int finished = 0;
        String line;
        while (finished < n && (line = out.readLine()) != null) {
            if (line.startsWith("[")) {
                finished++;
            }
        }
        assertThat(finished).as("progress lines before the child ended").isEqualTo(n);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (runningTrials(db, study) == 0) {
            assertThat(Instant.now()).as("a trial should start after trial %d", n).isBefore(deadline);
            Thread.sleep(20); // polling another process's database; nothing to wait on directly
        }
        // Keep draining so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
    }

    private static long runningTrials(Path db, String study) {
        try (StudyStore store = new SqliteStudyStore(db)) {
            if (store.findStudy(study).isEmpty()) {
                return 0;
            }
            return store.trials(study).stream().filter(t -> t.state() == TrialState.RUNNING).count();
        }
    }

    private static List<Trial> trials(Path db, String study) {
        try (StudyStore store = new SqliteStudyStore(db)) {
            return store.trials(study);
        }
    }

    private int resume(Path db, String study, ByteArrayOutputStream out) {
        return TuneApplication.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err), "resume",
                study, "--storage", "sqlite:" + db);
    }

    private static void assertExactlyTheBudget(List<Trial> trials) {
        assertThat(trials).extracting(Trial::number).containsExactlyElementsOf(IntStream.range(0, BUDGET).boxed().toList());
        assertThat(trials).noneMatch(Trial::isPending);
        assertThat(trials).allMatch(t -> t.state().isFinished());
    }

    @Test
    void killMinus9MidStudyThenResumeFinishesExactlyTheBudget() throws Exception {
        Path db = dir.resolve("studies.db");
        Path task = Tasks.quadratic(dir, "crash", BUDGET);
        Process p = startRun(task, db);
        try {
            awaitTrialsThenARunningOne(p, db, "crash", 2);
        } finally {
            p.destroyForcibly(); // SIGKILL: no hook runs, the RUNNING trial stays behind
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<Trial> left = trials(db, "crash");
        assertThat(left).filteredOn(Trial::isPending).hasSize(1);
        int interrupted = left.stream().filter(Trial::isPending).findFirst().orElseThrow().number();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(resume(db, "crash", out)).isEqualTo(ExitCodes.OK);

        List<Trial> all = trials(db, "crash");
        assertExactlyTheBudget(all);
        Trial cut = all.get(interrupted);
        assertThat(cut.state()).isEqualTo(TrialState.FAILED);
        assertThat(cut.message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        Trial rerun = all.get(interrupted + 1);
        assertThat(rerun.params()).isEqualTo(cut.params());
        assertThat(rerun.attrs()).containsEntry("source", "rerun");
        assertThat(dev.tuneagent.core.study.TrialAttrs.integer(rerun, "rerun_of")).isEqualTo(interrupted);
        assertThat(all).filteredOn(Trial::isComplete).hasSize(BUDGET - 1);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Resuming: 1 trial(s) left RUNNING", "Best: value = ");
        assertThat(printed.lines().filter(l -> l.startsWith("["))).as(printed).hasSize(BUDGET - interrupted - 1);
    }

    @Test
    void aTerminationSignalLikeCtrlCStoresTheTrialAsInterruptedByUserAndExitsResumably() throws Exception {
        Path db = dir.resolve("studies.db");
        Path task = Tasks.quadratic(dir, "stopped", BUDGET);
        Process p = startRun(task, db);
        try {
            awaitTrialsThenARunningOne(p, db, "stopped", 1);
            p.destroy(); // SIGTERM runs the same shutdown hook as SIGINT (Ctrl-C)
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("128 + SIGTERM").isEqualTo(143);
        List<Trial> left = trials(db, "stopped");
        assertThat(left).noneMatch(Trial::isPending);
        assertThat(left.get(left.size() - 1).message()).isEqualTo(Interruptions.BY_USER);

        assertThat(resume(db, "stopped", new ByteArrayOutputStream())).isEqualTo(ExitCodes.OK);
        assertExactlyTheBudget(trials(db, "stopped"));
    }
}
