package dev.tuneagent.tools.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.Reattached;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submission, polling and the state mapping against a scripted Slurm (the real cluster: SlurmClusterTest). */
class SlurmJobLauncherTest {
    @TempDir
    Path dir;
    final FakeSlurm slurm = new FakeSlurm();
    final List<String> ids = new CopyOnWriteArrayList<>();

    SlurmJobSpec spec(Duration timeout) {
        return new SlurmJobSpec(List.of("python3", "train.py", "--params={params}"), timeout, "value", dir, "debug",
                Duration.ofSeconds(90), 2, "4G", List.of("--gres=gpu:1"));
    }

    JobRequest request(SlurmJobSpec spec) {
        return new JobRequest("quad", 3, Map.of("x", "; rm -rf / #", "y", 2.5), spec, "value", 7, 1,
                dir.resolve("trial-3"));
    }

    JobResult run(SlurmJobSpec spec) throws Exception {
        try (var launcher = new SlurmJobLauncher(slurm, slurm.clock, slurm.sleeper, Duration.ofSeconds(2),
                (r, attrs) -> ids.add(r.trial() + ":" + attrs.get(SlurmJobLauncher.ATTR)))) {
            return launcher.launch(request(spec)).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJobIsSubmittedWithItsResourcesAndTheParamsOnlyInTheParamsFile() throws Exception {
        slurm.states("JobState=RUNNING ExitCode=0:0", "JobState=COMPLETED ExitCode=0:0");
        Path trial = dir.resolve("trial-3");
        Files.createDirectories(trial);
        Files.writeString(trial.resolve("stdout.log"), "epoch 1\n{\"value\": 0.25, \"loss\": 3}\n");

        JobResult r = run(spec(null));

        assertThat(r).isEqualTo(new JobResult.Succeeded(Map.of("value", 0.25, "loss", 3.0), Duration.ofSeconds(65)));
        var sbatch = slurm.callsOf("sbatch").get(0);
        assertThat(sbatch.argv()).containsExactly("sbatch", "--parsable", "--job-name=tune-quad-3",
                "--output=" + trial.resolve("stdout.log"), "--error=" + trial.resolve("stderr.log"),
                "--chdir=" + trial, "--partition=debug", "--time=2", "--cpus-per-task=2", "--mem=4G", "--gres=gpu:1",
                trial.resolve("job.sh").toString(), "python3", "train.py", "--params=" + trial.resolve("params.json"));
        assertThat(sbatch.env()).containsEntry("TUNE_PARAMS", trial.resolve("params.json").toString())
                .containsEntry("TUNE_TRIAL", "3").containsEntry("TUNE_SEED", "7").containsEntry("TUNE_STUDY", "quad");
        assertThat(Files.readString(trial.resolve("params.json"))).contains("; rm -rf / #");
        assertThat(Files.readString(trial.resolve("job.sh"))).isEqualTo(BatchScript.SCRIPT).doesNotContain("rm -rf")
                .doesNotContain("python3");
        assertThat(Files.isExecutable(trial.resolve("job.sh"))).isTrue();
        assertThat(ids).containsExactly("3:4242");
        assertThat(Files.readString(trial.resolve(SlurmJobLauncher.JOB_ID_FILE))).isEqualTo("4242\n");
    }

    @Test
    void theListenerLearnsTheJobIdAndTheAbsoluteTrialDirectory() throws Exception {
        slurm.states("JobState=COMPLETED ExitCode=0:0");
        List<Map<String, Object>> told = new CopyOnWriteArrayList<>();
        try (var launcher = new SlurmJobLauncher(slurm, slurm.clock, slurm.sleeper, Duration.ofSeconds(2),
                (r, attrs) -> told.add(attrs))) {
            launcher.launch(request(spec(null))).get(10, TimeUnit.SECONDS);
        }
        assertThat(told).containsExactly(Map.of(SlurmJobLauncher.ATTR, "4242",
                SlurmJobLauncher.DIR_ATTR, dir.resolve("trial-3").toAbsolutePath().toString()));
    }

    @Test
    void reattachReadsTheLogsWhereTheJobWasSubmittedNotWhereThisRunWouldPutThem() throws Exception {
        slurm.states("JobState=COMPLETED ExitCode=0:0");
        Path submitted = Files.createDirectories(dir.resolve("other-host-cwd/trial-3"));
        Files.writeString(submitted.resolve("stdout.log"), "{\"value\": 0.5}\n");
        try (var launcher = new SlurmJobLauncher(slurm, slurm.clock, slurm.sleeper, Duration.ofSeconds(1), (r, id) -> { })) {
            JobResult r = launcher.reattach(request(spec(null)), Map.of(SlurmJobLauncher.ATTR, "4242",
                    SlurmJobLauncher.DIR_ATTR, submitted.toAbsolutePath().toString())).orElseThrow().result()
                    .get(10, TimeUnit.SECONDS);
            assertThat(r).isInstanceOf(JobResult.Succeeded.class);
            assertThat(((JobResult.Succeeded) r).metrics()).containsEntry("value", 0.5);
        }
        assertThat(dir.resolve("trial-3")).doesNotExist();
    }

    @Test
    void pollingWaitsThePollIntervalBeforeEveryLookAndCompletingIsNotTheEnd() throws Exception {
        slurm.states("JobState=PENDING", "JobState=RUNNING", "JobState=COMPLETING ExitCode=0:0",
                "JobState=FAILED ExitCode=3:0");
        JobResult r = run(spec(null));
        assertThat(r).isInstanceOf(JobResult.Failed.class);
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("Slurm job 4242 failed: python3 exited with code 3");
        assertThat(slurm.callsOf("scontrol")).hasSize(4)
                .allMatch(c -> c.argv().equals(List.of("scontrol", "show", "job", "-o", "4242")));
        assertThat(slurm.sleeps).hasSize(4).containsOnly(Duration.ofSeconds(2));
    }

    @Test
    void everyTerminalStateMapsToAResultThatSaysWhatHappenedWithTheLogTail() throws Exception {
        Path trial = dir.resolve("trial-3");
        Files.createDirectories(trial);
        Files.writeString(trial.resolve("stderr.log"), "Traceback: boom\n");
        Map<String, String> expected = Map.of(
                "FAILED ExitCode=0:9", "python3 was killed by signal 9",
                "CANCELLED ExitCode=0:15", "was cancelled outside tune",
                "OUT_OF_MEMORY ExitCode=0:125", "ran out of memory (job.mem: 4G); raise job.mem",
                "NODE_FAIL ExitCode=0:0", "its node failed",
                "BOOT_FAIL ExitCode=0:0", "failed to boot",
                "PREEMPTED ExitCode=0:0", "preempted",
                "DEADLINE ExitCode=0:0", "deadline");
        for (var e : expected.entrySet()) {
            FakeSlurm s = new FakeSlurm().states("JobState=" + e.getKey());
            try (var launcher = new SlurmJobLauncher(s, s.clock, s.sleeper, Duration.ofSeconds(1), (r, id) -> { })) {
                JobResult r = launcher.launch(request(spec(null))).get(10, TimeUnit.SECONDS);
                assertThat(r).as(e.getKey()).isInstanceOf(JobResult.Failed.class);
                assertThat(((JobResult.Failed) r).reason()).as(e.getKey()).contains(e.getValue());
                assertThat(((JobResult.Failed) r).logTail()).isEqualTo("Traceback: boom");
            }
        }
        FakeSlurm s = new FakeSlurm().states("JobState=TIMEOUT ExitCode=0:0");
        try (var launcher = new SlurmJobLauncher(s, s.clock, s.sleeper, Duration.ofSeconds(1), (r, id) -> { })) {
            JobResult r = launcher.launch(request(spec(null))).get(10, TimeUnit.SECONDS);
            assertThat(r).isInstanceOf(JobResult.TimedOut.class);
            assertThat(((JobResult.TimedOut) r).limit()).isEqualTo(Duration.ofMinutes(2));
            assertThat(((JobResult.TimedOut) r).logTail()).contains("Slurm time limit").contains("Traceback: boom");
        }
    }

    @Test
    void aJobTheControllerForgotIsLookedUpInSacct() throws Exception {
        slurm.unknownJob(1);
        slurm.sacctAnswer = new FakeSlurm.Output(0, "CANCELLED by 0|0:15\n", "");
        JobResult r = run(spec(null));
        assertThat(((JobResult.Failed) r).reason()).contains("cancelled outside tune");
        assertThat(slurm.callsOf("sacct").get(0).argv()).containsExactly("sacct", "-n", "-P", "-X", "-j", "4242", "-o",
                "State,ExitCode");
    }

    @Test
    void aJobKilledForMemoryThatOnlySacctStillKnowsIsFailedAsOutOfMemoryWithItsLogTail() throws Exception {
        // What a cluster that enforces memory (TaskPlugin=task/cgroup) reports once its controller has forgotten the
        // job. The CI cluster does not enforce memory, so no real test can produce this state (see docs/slurm.md).
        Path trial = Files.createDirectories(dir.resolve("trial-3"));
        Files.writeString(trial.resolve("stderr.log"), "allocating 2 GiB\nslurmstepd: error: Detected 1 oom_kill event "
                + "in StepId=4242.batch. Some of the step tasks have been OOM Killed.\n");
        slurm.unknownJob(1);
        slurm.sacctAnswer = new FakeSlurm.Output(0, "OUT_OF_MEMORY|0:125\n", "");
        JobResult r = run(spec(null));
        assertThat(r).isInstanceOf(JobResult.Failed.class);
        assertThat(((JobResult.Failed) r).reason()).isEqualTo("Slurm job 4242 ran out of memory (job.mem: 4G); "
                + "raise job.mem");
        assertThat(((JobResult.Failed) r).logTail()).contains("oom_kill event").contains("allocating 2 GiB");
    }

    @Test
    void aJobSlurmNoLongerKnowsFailsAfterABoundedNumberOfPolls() throws Exception {
        slurm.unknownJob(1);
        JobResult r = run(spec(null));
        assertThat(((JobResult.Failed) r).reason()).startsWith("Slurm no longer reports job 4242")
                .contains("Invalid job id").contains("accounting storage is disabled");
        assertThat(slurm.callsOf("scontrol")).hasSize(SlurmJobLauncher.MAX_UNKNOWN);
    }

    @Test
    void pastItsTimeoutTheJobIsCancelledAndTimedOut() throws Exception {
        slurm.states("JobState=PENDING");
        JobResult r = run(spec(Duration.ofSeconds(7)));
        assertThat(r).isInstanceOf(JobResult.TimedOut.class);
        assertThat(((JobResult.TimedOut) r).limit()).isEqualTo(Duration.ofSeconds(7));
        assertThat(slurm.callsOf("scontrol")).hasSize(4);
        assertThat(slurm.callsOf("scancel")).extracting(FakeSlurm.Call::argv).containsExactly(List.of("scancel", "4242"));
    }

    @Test
    void cancellingTheFutureRunsScancel() throws Exception {
        slurm.states("JobState=RUNNING");
        var launcher = new SlurmJobLauncher(slurm, slurm.clock, d -> Thread.sleep(20), Duration.ofSeconds(1),
                (r, attrs) -> ids.add((String) attrs.get(SlurmJobLauncher.ATTR)));
        try {
            CompletableFuture<JobResult> f = launcher.launch(request(spec(null)));
            while (ids.isEmpty()) {
                Thread.sleep(5);
            }
            f.cancel(true);
            assertThat(slurm.callsOf("scancel")).extracting(FakeSlurm.Call::argv)
                    .containsExactly(List.of("scancel", "4242"));
        } finally {
            launcher.close();
        }
    }

    @Test
    void aRefusedSubmissionSaysWhatSbatchSaidAndWhichFieldsToCheck() throws Exception {
        slurm.sbatchAnswer = new FakeSlurm.Output(1, "", "sbatch: error: invalid partition specified: gpu");
        JobResult r = run(spec(null));
        assertThat(((JobResult.Failed) r).reason()).contains("sbatch refused the job (exit code 1)")
                .contains("invalid partition specified: gpu").contains("job.partition");
        assertThat(ids).isEmpty();
    }

    @Test
    void attachFollowsAJobSubmittedEarlierWithoutSubmittingAgain() throws Exception {
        slurm.states("JobState=RUNNING", "JobState=FAILED ExitCode=1:0");
        try (var launcher = new SlurmJobLauncher(slurm, slurm.clock, slurm.sleeper, Duration.ofSeconds(1), (r, id) -> { })) {
            JobResult r = launcher.attach(request(spec(null)), "4242").get(10, TimeUnit.SECONDS);
            assertThat(((JobResult.Failed) r).reason()).contains("exited with code 1");
            assertThatThrownBy(() -> launcher.attach(request(spec(null)), "42; rm -rf /"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(slurm.callsOf("sbatch")).isEmpty();
    }

    @Test
    void reattachFollowsTheJobIdATrialHoldsAndDeclinesATrialWithoutAValidOne() throws Exception {
        slurm.states("JobState=RUNNING", "JobState=FAILED ExitCode=1:0");
        try (var launcher = new SlurmJobLauncher(slurm, slurm.clock, slurm.sleeper, Duration.ofSeconds(1), (r, id) -> { })) {
            Reattached followed = launcher.reattach(request(spec(null)), Map.of(SlurmJobLauncher.ATTR, "4242"))
                    .orElseThrow();
            assertThat(followed.job()).isEqualTo("Slurm job 4242");
            assertThat(((JobResult.Failed) followed.result().get(10, TimeUnit.SECONDS)).reason())
                    .contains("exited with code 1");
            // Attributes are data from the store: nothing else is followed, and a bad id never reaches a command.
            assertThat(launcher.reattach(request(spec(null)), Map.of())).isEmpty();
            assertThat(launcher.reattach(request(spec(null)), Map.of("process", "{}"))).isEmpty();
            assertThat(launcher.reattach(request(spec(null)), Map.of(SlurmJobLauncher.ATTR, "42; rm -rf /"))).isEmpty();
            assertThat(launcher.reattach(request(spec(null)), Map.of(SlurmJobLauncher.ATTR, 4242))).isEmpty();
        }
        assertThat(slurm.callsOf("sbatch")).isEmpty();
        assertThat(slurm.calls).isNotEmpty().allMatch(c -> c.argv().contains("4242")
                || String.join(" ", c.argv()).contains("4242"), "only job 4242 was asked about");
    }

    @Test
    void aPollIntervalBelowTheMinimumIsRefused() {
        assertThatThrownBy(() -> new SlurmJobLauncher(slurm, slurm.clock, slurm.sleeper, Duration.ofMillis(100),
                (r, id) -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum");
    }
}
