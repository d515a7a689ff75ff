package dev.tuneagent.tools.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.services.RealServices;
import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real jobs on the real single-node cluster of {@code start-slurm.sh} (partition {@code debug};
 * {@code TUNE_TEST_SLURM=1}). The time-limit job is submitted first and checked last, so its 60-90 s run
 * overlaps the other tests instead of adding to them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmClusterTest {
    static final Duration POLL = Duration.ofSeconds(1);
    @TempDir
    static Path dir;
    static SlurmJobLauncher launcher;
    static final List<String> ids = new CopyOnWriteArrayList<>();
    static CompletableFuture<JobResult> pastTimeLimit;
    static Path script;

    @BeforeAll
    static void cluster() throws Exception {
        RealServices.requireSlurm();
        script = dir.resolve("train.sh");
        // Prints progress, the trial's parameters (read from the file), then its metric line or a bad one.
        Files.writeString(script, """
                #!/bin/sh
                echo "trial $TUNE_TRIAL of $TUNE_STUDY, params in $TUNE_PARAMS"
                cat "$1"; echo
                case "$2" in
                  ok) echo '{"value": 0.75, "secs": 1}' ;;
                  fail) echo "boom: bad learning rate" >&2; exit 3 ;;
                  badmetric) echo '{"value": "high"}' ;;
                  sleep) sleep "$3" ;;
                esac
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        launcher = new SlurmJobLauncher(new ProcessSlurmCli(), java.time.Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), POLL, (r, attrs) -> ids.add(r.trial() + ":" + attrs.get(SlurmJobLauncher.ATTR)));
        pastTimeLimit = launcher.launch(request(99, spec(List.of("sleep", "300"), Duration.ofMinutes(1))));
    }

    @AfterAll
    static void close() {
        if (launcher != null) {
            launcher.close();
        }
    }

    static SlurmJobSpec spec(List<String> args, Duration time) {
        List<String> argv = new java.util.ArrayList<>(List.of(script.toString(), "{params}"));
        argv.addAll(args);
        return new SlurmJobSpec(argv, null, "value", dir, "debug", time, 1, null, List.of());
    }

    static JobRequest request(int trial, SlurmJobSpec spec) {
        return new JobRequest("cluster-test", trial, Map.of("lr", 0.01, "name", "$(touch /tmp/pwned)"), spec, "value",
                trial, 0, dir.resolve("trial-" + trial));
    }

    static JobResult run(int trial, String... args) throws Exception {
        return launcher.launch(request(trial, spec(List.of(args), null))).get(3, TimeUnit.MINUTES);
    }

    static String state(String jobId) throws Exception {
        var out = new ProcessSlurmCli().run(List.of("scontrol", "show", "job", "-o", jobId), Map.of());
        return SlurmStatus.fromScontrol(out.stdout()).map(SlurmStatus::state).orElse("?");
    }

    static String idOf(int trial) throws Exception {
        for (int i = 0; i < 600; i++) {
            for (String id : ids) {
                if (id.startsWith(trial + ":")) {
                    return id.substring(id.indexOf(':') + 1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("trial " + trial + " was never submitted");
    }

    static void awaitRunning(String jobId) throws Exception {
        for (int i = 0; i < 600 && !state(jobId).equals("RUNNING"); i++) {
            Thread.sleep(100);
        }
        assertThat(state(jobId)).isEqualTo("RUNNING");
    }

    @Test
    @Order(1)
    void aSuccessfulJobReportsItsMetricAndSeesItsParamsByFile() throws Exception {
        JobResult r = run(1, "ok");
        assertThat(r).isInstanceOf(JobResult.Succeeded.class);
        assertThat(((JobResult.Succeeded) r).metrics()).isEqualTo(Map.of("value", 0.75, "secs", 1.0));
        String out = Files.readString(dir.resolve("trial-1/stdout.log"));
        assertThat(out).contains("trial 1 of cluster-test").contains("\"name\" : \"$(touch /tmp/pwned)\"");
        String jobId = idOf(1);
        assertThat(Files.readString(dir.resolve("trial-1/slurm_job_id")).strip()).isEqualTo(jobId);
        var info = new ProcessSlurmCli().run(List.of("scontrol", "show", "job", "-o", jobId), Map.of()).stdout();
        assertThat(info).contains("JobName=tune-cluster-test-1").contains("StdIn=/dev/null")
                .contains("StdOut=" + dir.resolve("trial-1/stdout.log"));
    }

    @Test
    @Order(2)
    void aFailingScriptIsFailedWithItsExitCodeAndStderr() throws Exception {
        JobResult r = run(2, "fail");
        assertThat(r).isInstanceOf(JobResult.Failed.class);
        assertThat(((JobResult.Failed) r).reason()).contains("Slurm job " + idOf(2) + " failed").contains("exited with code 3");
        assertThat(((JobResult.Failed) r).logTail()).contains("boom: bad learning rate");
    }

    @Test
    @Order(3)
    void aBadMetricLineIsFailedWithTheReason() throws Exception {
        JobResult r = run(3, "badmetric");
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("metric \"value\" is \"high\", not a number");
    }

    @Test
    @Order(4)
    void aJobCancelledFromOutsideIsFailedAndSaysSo() throws Exception {
        CompletableFuture<JobResult> f = launcher.launch(request(4, spec(List.of("sleep", "120"), null)));
        String jobId = idOf(4);
        awaitRunning(jobId);
        new ProcessSlurmCli().run(List.of("scancel", jobId), Map.of());
        JobResult r = f.get(2, TimeUnit.MINUTES);
        assertThat(((JobResult.Failed) r).reason()).contains("Slurm job " + jobId + " was cancelled outside tune");
    }

    @Test
    @Order(5)
    void cancellingTheFutureCancelsTheJobOnTheCluster() throws Exception {
        CompletableFuture<JobResult> f = launcher.launch(request(5, spec(List.of("sleep", "120"), null)));
        String jobId = idOf(5);
        awaitRunning(jobId);
        f.cancel(true);
        for (int i = 0; i < 300 && !state(jobId).equals("CANCELLED"); i++) {
            Thread.sleep(100);
        }
        assertThat(state(jobId)).isEqualTo("CANCELLED");
    }

    @Test
    @Order(6)
    void anotherLauncherReattachesToARunningJobAndCollectsItsResult() throws Exception {
        // What a resumed study does: the job was submitted by a process that is gone; only its id is known.
        Files.createDirectories(dir.resolve("trial-6"));
        String jobId = new ProcessSlurmCli().run(List.of("sbatch", "--parsable", "--output=" + dir.resolve(
                "trial-6/stdout.log"), "--error=" + dir.resolve("trial-6/stderr.log"), "--wrap=sleep 3; "
                + "echo '{\"value\": 0.5}'"), Map.of()).stdout().strip();
        try (var fresh = new SlurmJobLauncher(new ProcessSlurmCli(), java.time.Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), POLL, (r, id) -> { })) {
            JobResult r = fresh.attach(request(6, spec(List.of(), null)), jobId).get(2, TimeUnit.MINUTES);
            assertThat(r).isInstanceOf(JobResult.Succeeded.class);
            assertThat(((JobResult.Succeeded) r).metrics()).containsEntry("value", 0.5);
        }
    }

    @Test
    @Order(7)
    void aJobPastItsTimeLimitTimesOut() throws Exception {
        JobResult r = pastTimeLimit.get(4, TimeUnit.MINUTES);
        assertThat(r).isInstanceOf(JobResult.TimedOut.class);
        assertThat(((JobResult.TimedOut) r).limit()).isEqualTo(Duration.ofMinutes(1));
        assertThat(((JobResult.TimedOut) r).logTail()).contains("reached its Slurm time limit");
        assertThat(Files.exists(Path.of("/tmp/pwned"))).isFalse();
    }
}
