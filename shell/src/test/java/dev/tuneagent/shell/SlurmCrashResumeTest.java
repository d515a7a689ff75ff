package dev.tuneagent.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.services.RealServices;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.Tasks;
import dev.tuneagent.tools.slurm.SlurmJobLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent killed while its jobs run, on the real Slurm cluster: a real {@code tune run} (child JVM) of a Slurm
 * task with two trials in flight gets SIGKILL; the jobs keep going (nothing cancelled them), and {@code tune resume}
 * (or a {@code tune worker}) re-attaches to both instead of submitting their configurations again, then finishes with
 * exactly its budget.
 */
class SlurmCrashResumeTest {
    private static final int BUDGET = 4;
    @TempDir
    Path dir;

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }

    private static String state(String jobId) throws Exception {
        return run("squeue", "-h", "-t", "all", "-j", jobId, "-o", "%T");
    }

    private static List<Trial> trials(Path db, String study) {
        try (StudyStore store = new SqliteStudyStore(db)) {
            return store.findStudy(study).isEmpty() ? List.of() : store.trials(study);
        }
    }

    /**
     * The study's two RUNNING trials once both have a job on the cluster, at least one of them running (the other may
     * wait for a CPU another test holds).
     */
    private static List<Trial> awaitTwoJobsInFlight(Path db, String study, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(child.isAlive()).as("tune run ended before the kill").isTrue();
            List<Trial> running = trials(db, study).stream().filter(t -> t.state() == TrialState.RUNNING
                    && TrialAttrs.string(t, SlurmJobLauncher.ATTR) != null).toList();
            if (running.size() == 2) {
                List<String> states = new java.util.ArrayList<>();
                for (Trial t : running) {
                    states.add(state(TrialAttrs.string(t, SlurmJobLauncher.ATTR)));
                }
                if (states.contains("RUNNING") && List.of("RUNNING", "PENDING").containsAll(states)) {
                    return running;
                }
            }
            Thread.sleep(200); // polling another process's database and the cluster; nothing to wait on directly
        }
        throw new AssertionError("two trials' Slurm jobs were not in flight within 3 minutes");
    }

    /** {@code resume}, or a {@code worker} joining after the crash: either takes the dead run's trials and follows their jobs. */
    @ParameterizedTest
    @ValueSource(strings = {"resume", "worker"})
    void afterKillMinus9TheNextRunReattachesToTheRunningJobsAndEndsWithExactlyTheBudget(String command)
            throws Exception {
        RealServices.requireSlurm();
        String study = "slurm-crash-" + UUID.randomUUID().toString().substring(0, 8);
        Path script = Files.writeString(dir.resolve("slow-quad.sh"), """
                #!/bin/sh
                sleep "$1"
                x=$(sed -n 's/.*"x" *: *\\([-0-9.eE]*\\).*/\\1/p' "$TUNE_PARAMS")
                echo "{\\"value\\": $(awk -v x="$x" 'BEGIN { print x * x }')}"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path task = Files.writeString(dir.resolve("task.yaml"), """
                name: %s
                objective: {metric: value, direction: minimize}
                job: {type: slurm, argv: ["%s", "8"], partition: debug, time: 5m, cpus: 1, workdir: "%s"}
                space:
                  x: {type: float, low: -2, high: 2}
                budget: {trials: %d, parallel: 2}
                proposer: random
                seed: 4
                """.formatted(study, script, dir.resolve("runs"), BUDGET));
        Path db = dir.resolve("studies.db");
        ProcessBuilder pb = new ProcessBuilder(Tasks.java(), "-cp", System.getProperty("java.class.path"),
                TuneApplication.class.getName(), "run", task.toString(), "--storage", "sqlite:" + db);
        pb.environment().put("TUNE_LOG_FILE", dir.resolve("tune.log").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process child = pb.start();
        List<Trial> cut;
        try {
            cut = awaitTwoJobsInFlight(db, study, child);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, so nothing cancels the jobs
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (Trial t : cut) {
            assertThat(state(TrialAttrs.string(t, SlurmJobLauncher.ATTR))).as("the job outlives the killed tune")
                    .isIn("PENDING", "RUNNING", "COMPLETING", "COMPLETED");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TuneApplication.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err),
                command, study, "--storage", "sqlite:" + db);
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(printed + Files.readString(dir.resolve("child.out"))).isEqualTo(ExitCodes.OK);
        List<Trial> all = trials(db, study);
        assertThat(all).extracting(Trial::number).containsExactly(0, 1, 2, 3);
        assertThat(all).allMatch(t -> t.state() == TrialState.COMPLETE);
        for (Trial t : all) {
            double x = ((Number) t.params().get("x")).doubleValue();
            assertThat(t.value()).isCloseTo(x * x, Offset.offset(1e-4));
        }
        assertThat(all).extracting(t -> TrialAttrs.string(t, SlurmJobLauncher.ATTR)).doesNotHaveDuplicates();
        for (Trial c : cut) {
            String jobId = TrialAttrs.string(c, SlurmJobLauncher.ATTR);
            assertThat(printed).contains("Trial #" + c.number() + ": re-attaching to Slurm job " + jobId)
                    .containsPattern("\\] #" + c.number() + " +COMPLETE");
            Trial reattached = all.get(c.number());
            assertThat(reattached.params()).isEqualTo(c.params());
            assertThat(TrialAttrs.string(reattached, SlurmJobLauncher.ATTR)).isEqualTo(jobId);
            // Submitted once: the cluster knows one job by that trial's name (finished jobs stay listed for an hour).
            assertThat(run("squeue", "-h", "-t", "all", "-n", "tune-" + study + "-" + c.number(), "-o", "%i"))
                    .isEqualTo(jobId);
        }
        assertThat(run("squeue", "-h", "-t", "all", "-o", "%j").lines().filter(n -> n.startsWith("tune-" + study + "-")))
                .hasSize(BUDGET);
    }
}
