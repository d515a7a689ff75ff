package dev.tuneagent.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.loop.Interruptions;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.Tasks;
import dev.tuneagent.tools.command.JobProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command job outlives a {@code kill -9} of tune (it is its own process); {@code tune resume} ends it, with its
 * children, before running its configuration again, so the two never run side by side. A real child JVM runs
 * {@code tune run}; the job is a shell script that records its pid and its child's, then sleeps.
 */
class OrphanJobCrashResumeTest {
    @TempDir
    Path dir;

    private Path task() throws Exception {
        Path script = Files.writeString(dir.resolve("job.sh"), """
                #!/bin/sh
                d="$1"
                if [ -e "$d/slow" ]; then
                  sleep 300 &
                  echo $! > "$d/child-$TUNE_TRIAL"
                  echo $$ > "$d/pid-$TUNE_TRIAL"
                  wait
                fi
                # The re-run checks that the job it replaces is no longer running beside it.
                if [ "$TUNE_TRIAL" != 0 ] && kill -0 "$(cat "$d/pid-0")" 2>/dev/null; then echo yes > "$d/overlap"; fi
                echo '{"value": 1.5}'
                """);
        return Files.writeString(dir.resolve("orphan.yaml"), """
                name: orphan
                objective: {metric: value, direction: minimize}
                job: {type: command, argv: [/bin/sh, "%s", "%s"], timeout: 10m}
                space:
                  x: {type: float, low: -5, high: 5}
                budget: {trials: 2}
                proposer: sobol
                seed: 3
                """.formatted(script, dir));
    }

    private static StudySnapshot snapshot(Path db) {
        try (StudyStore store = new SqliteStudyStore(db)) {
            return store.findStudy("orphan").isEmpty() ? null : store.snapshot("orphan");
        }
    }

    private Optional<ProcessHandle> process(String file) throws Exception {
        Path f = dir.resolve(file);
        return Files.exists(f) ? ProcessHandle.of(Long.parseLong(Files.readString(f).strip())) : Optional.empty();
    }

    @Test
    void resumeEndsTheJobAKilledTuneLeftRunningBeforeRunningItsConfigurationAgain() throws Exception {
        Path db = dir.resolve("studies.db");
        Files.writeString(dir.resolve("slow"), "");
        ProcessBuilder pb = new ProcessBuilder(Tasks.java(), "-cp", System.getProperty("java.class.path"),
                TuneApplication.class.getName(), "run", task().toString(), "--storage", "sqlite:" + db);
        pb.environment().put("TUNE_LOG_FILE", dir.resolve("tune.log").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process tune = pb.start();
        try {
            // Wait until the job runs and the trial holds its process record, then kill tune with SIGKILL.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (true) {
                StudySnapshot s = snapshot(db);
                if (s != null && Files.exists(dir.resolve("pid-0")) && s.trials().stream()
                        .anyMatch(t -> t.state() == TrialState.RUNNING && t.attrs().containsKey(JobProcess.ATTR))) {
                    break;
                }
                assertThat(Instant.now()).as("the child should start its first job").isBefore(deadline);
                Thread.sleep(20);
            }
        } finally {
            tune.destroyForcibly();
        }
        assertThat(tune.waitFor(60, TimeUnit.SECONDS)).isTrue();
        ProcessHandle job = process("pid-0").orElseThrow();
        ProcessHandle child = process("child-0").orElseThrow();
        try {
            assertThat(job.isAlive()).as("the job outlives tune: an orphan").isTrue();
            assertThat(child.isAlive()).isTrue();
            Trial left = snapshot(db).trials().get(0);
            assertThat(JobProcess.parse(left.attrs().get(JobProcess.ATTR)).value().orElseThrow().pid())
                    .isEqualTo(job.pid());
            Files.delete(dir.resolve("slow")); // the re-run finishes at once

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(TuneApplication.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err),
                    "resume", "orphan", "--storage", "sqlite:" + db)).isEqualTo(ExitCodes.OK);

            assertThat(job.isAlive()).as("resume ended the orphan").isFalse();
            assertThat(child.isAlive()).as("and its child").isFalse();
            assertThat(dir.resolve("overlap")).as("the re-run never ran beside the orphan").doesNotExist();
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("Resuming: 1 trial(s) left RUNNING",
                    "Trial #0: ended its job left running by the earlier run (pid " + job.pid());
            assertThat(text.indexOf("Trial #0: ended its job")).isLessThan(text.indexOf("#1 "));
            List<Trial> trials = snapshot(db).trials();
            assertThat(trials).extracting(Trial::state).containsExactly(TrialState.FAILED, TrialState.COMPLETE);
            assertThat(trials.get(0).message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
            assertThat(trials.get(1).params()).isEqualTo(trials.get(0).params());
            assertThat(trials.get(1).value()).isEqualTo(1.5);
        } finally {
            child.destroyForcibly();
            job.destroyForcibly();
        }
    }
}
