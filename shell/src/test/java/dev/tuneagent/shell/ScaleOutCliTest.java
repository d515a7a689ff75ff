package dev.tuneagent.shell;

import static dev.tuneagent.shell.fixtures.Cli.tune;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.services.RealServices;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.Cli.Result;
import dev.tuneagent.shell.fixtures.Tasks;
import dev.tuneagent.tools.slurm.SlurmJobLauncher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code create}, and studies on the real PostgreSQL and Slurm from the command line. */
class ScaleOutCliTest {
    @TempDir
    Path dir;

    @Test
    void createMakesAStudyWithoutRunningItAndResumeRunsIt() throws Exception {
        String storage = "sqlite:" + dir.resolve("s.db");
        Path task = Tasks.quadratic(dir, "quad", 2);
        Result created = tune("create", task.toString(), "--storage", storage, "--name", "later", "--seed", "5");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created study later in " + storage, "Nothing has run yet.",
                "Run it with: tune resume later --storage " + storage);
        try (var store = StudyStores.open(storage)) {
            assertThat(store.trials("later")).isEmpty();
            assertThat(store.findStudy("later").orElseThrow().seed()).isEqualTo(5);
        }
        Result again = tune("create", task.toString(), "--storage", storage, "--name", "later");
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("a study named \"later\" already exists").doesNotContain("\tat ");

        Result resumed = tune("resume", "later", "--storage", storage);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        try (var store = StudyStores.open(storage)) {
            assertThat(store.trials("later")).hasSize(2).allMatch(Trial::isComplete);
        }
    }

    @Test
    void aStudyRunsOnPostgresqlAndAWrongPasswordIsOneLineWithoutThePassword() throws Exception {
        String url = RealServices.postgresUrl();
        String schema = "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String storage = url + (url.contains("?") ? "&" : "?") + "schema=" + schema;
        Result created = tune("create", Tasks.quadratic(dir, "pg", 2).toString(), "--storage", storage);
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("Run it with: tune resume pg --storage postgresql://");
        assertThat(tune("resume", "pg", "--storage", storage).code()).isZero();
        assertThat(tune("studies", "--storage", storage).out()).containsPattern("pg\\s+minimize value\\s+2/2");

        var server = (StorageLocation.Postgres) StorageLocation.parse(url);
        String wrong = "postgresql://" + server.user() + ":N0t-The-Pw@" + server.host() + ":" + server.port() + "/"
                + server.database();
        Result refused = tune("studies", "--storage", wrong);
        assertThat(refused.code()).isEqualTo(ExitCodes.STORE);
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(refused.err()).contains("refused the password").doesNotContain("N0t-The-Pw");
    }

    @Test
    void aSlurmStudyRunsItsTrialsAsJobsAndRecordsTheirIds() throws Exception {
        RealServices.requireSlurm();
        Path script = dir.resolve("quad.sh");
        Files.writeString(script, """
                #!/bin/sh
                x=$(sed -n 's/.*"x" *: *\\([-0-9.eE]*\\).*/\\1/p' "$TUNE_PARAMS")
                echo "{\\"value\\": $(awk -v x="$x" 'BEGIN { print x * x }')}"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path task = Files.writeString(dir.resolve("slurm.yaml"), """
                name: on-slurm
                objective: {metric: value, direction: minimize}
                job: {type: slurm, argv: [./quad.sh], partition: debug, time: 2m, cpus: 1, workdir: runs}
                space:
                  x: {type: float, low: -2, high: 2}
                budget: {trials: 2}
                proposer: random
                """);
        String storage = "sqlite:" + dir.resolve("slurm.db");
        Result run = tune("run", task.toString(), "--storage", storage);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("slurm job", "on partition debug");
        try (var store = StudyStores.open(storage)) {
            List<Trial> trials = store.trials("on-slurm");
            assertThat(trials).hasSize(2).allMatch(t -> t.state() == TrialState.COMPLETE);
            for (Trial t : trials) {
                double x = ((Number) t.params().get("x")).doubleValue();
                assertThat(t.value()).isCloseTo(x * x, org.assertj.core.data.Offset.offset(1e-4));
                assertThat(t.attrs().get(SlurmJobLauncher.ATTR)).asString().matches("\\d+");
            }
        }
        assertThat(dir.resolve("runs/on-slurm")).isDirectory();
    }

    @Test
    void resumeReattachesToTheSlurmJobOfATrialLeftRunningInsteadOfSubmittingItAgain() throws Exception {
        RealServices.requireSlurm();
        Path task = Files.writeString(dir.resolve("reattach.yaml"), """
                name: reattach
                objective: {metric: value, direction: minimize}
                job: {type: slurm, argv: [/bin/sh, -c, "echo '{\\"value\\": 7}'"], partition: debug, time: 2m}
                space:
                  x: {type: float, low: -2, high: 2}
                budget: {trials: 2}
                proposer: random
                """);
        String storage = "sqlite:" + dir.resolve("reattach.db");
        assertThat(tune("create", task.toString(), "--storage", storage).code()).isZero();
        // What a killed tune leaves: a RUNNING trial, leased to a process that is gone, whose job was submitted and is
        // still running (a trial of a live owner would be left to that owner).
        Path trialDir = Files.createDirectories(dir.resolve("runs/reattach/trial-0000"));
        String jobId;
        // The killed tune's lease names a process of this host that no longer exists, so resume may take it.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        var killed = new dev.tuneagent.core.store.Owner(dev.tuneagent.core.store.Owner.forThisProcess().host(),
                gone.pid(), "killed");
        try (var store = new dev.tuneagent.core.store.sqlite.SqliteStudyStore(dir.resolve("reattach.db"),
                java.time.Duration.ofSeconds(10), killed)) {
            store.startTrial("reattach", new dev.tuneagent.core.proposer.Proposal(java.util.Map.of("x", 1.5),
                    dev.tuneagent.core.study.Provenance.of("random", 0)), java.time.Instant.now());
            var sbatch = new ProcessBuilder("sbatch", "--parsable", "--job-name=manual-reattach",
                    "--output=" + trialDir.resolve("stdout.log"), "--error=" + trialDir.resolve("stderr.log"),
                    "--wrap=sleep 4; echo '{\"value\": 2.25}'").redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
            jobId = new String(sbatch.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(sbatch.waitFor()).isZero();
            store.putTrialAttrs("reattach", 0, java.util.Map.of(SlurmJobLauncher.ATTR, jobId));
        }

        Result resumed = tune("resume", "reattach", "--storage", storage);

        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("Trial #0: re-attaching to Slurm job " + jobId)
                .containsPattern("\\] #0 +COMPLETE +value=2\\.25");
        try (var store = StudyStores.open(storage)) {
            List<Trial> trials = store.trials("reattach");
            assertThat(trials).hasSize(2).allMatch(t -> t.state() == TrialState.COMPLETE);
            assertThat(trials.get(0).value()).isEqualTo(2.25);
            assertThat(trials.get(0).attrs()).containsEntry(SlurmJobLauncher.ATTR, jobId);
            assertThat(trials.get(1).value()).isEqualTo(7.0);
            assertThat(trials.get(1).attrs().get(SlurmJobLauncher.ATTR)).isNotEqualTo(jobId);
        }
        var squeue = new ProcessBuilder("squeue", "-h", "-t", "all", "-n", "tune-reattach-0", "-o", "%i").start();
        assertThat(new String(squeue.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isBlank();
    }
}
