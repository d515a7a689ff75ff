package dev.tuneagent.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.loop.Interruptions;
import dev.tuneagent.agent.loop.Resources;
import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.Tasks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning survives a crash: a real `tune run` of a command task that reports steps, with a median pruner and a
 * resource budget, is killed with SIGKILL while a trial is between reports; `tune resume` keeps every finished
 * trial as it was (PRUNED ones with their reports and decision), keeps the cut trial's partial reports, and ends
 * with exactly the budget.
 */
class PrunedCrashResumeTest {
    private static final int BUDGET = 8;
    @TempDir
    Path dir;

    private Path task() throws Exception {
        Path script = Files.writeString(dir.resolve("curve.py"), """
                import json, sys, time
                p = json.load(open(sys.argv[1]))
                loss = (p["x"] - 1) ** 2 + (p["y"] + 2) ** 2
                for step in range(1, 5):
                    print(json.dumps({"step": step, "value": loss + 10.0 / step}), flush=True)
                    time.sleep(0.5)
                print(json.dumps({"value": loss}))
                """);
        return Files.writeString(dir.resolve("pruned.yaml"), """
                name: pruned
                objective: {metric: value, direction: minimize}
                job: {type: command, argv: ["/usr/bin/python3", "%s", "{params}"], timeout: 2m}
                space:
                  x: {type: float, low: -5, high: 5}
                  y: {type: float, low: -5, high: 5}
                budget: {trials: %d, resource: 100}
                pruner: {type: median, startup_trials: 2}
                proposer: sobol
                seed: 3
                """.formatted(script, BUDGET));
    }

    private static StudySnapshot snapshot(Path db) {
        try (StudyStore store = new SqliteStudyStore(db)) {
            return store.findStudy("pruned").isEmpty() ? null : store.snapshot("pruned");
        }
    }

    @Test
    void prunedTrialsTheirReportsAndTheResourceBudgetSurviveKillMinus9AndResume() throws Exception {
        Path db = dir.resolve("studies.db");
        ProcessBuilder pb = new ProcessBuilder(Tasks.java(), "-cp", System.getProperty("java.class.path"),
                TuneApplication.class.getName(), "run", task().toString(), "--storage", "sqlite:" + db);
        pb.environment().put("TUNE_LOG_FILE", dir.resolve("tune.log").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        try {
            // Wait (polling the other process's database) for 4 finished trials and a running one that reported a
            // step or two and was not pruned: it has at least a second (two more steps of 0.5 s) left to run, so it is
            // still RUNNING when the kill lands a few milliseconds later.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (true) {
                StudySnapshot s = snapshot(db);
                if (s != null && s.trials().stream().filter(t -> t.state().isFinished()).count() >= 4
                        && s.trials().stream().anyMatch(t -> t.state() == TrialState.RUNNING
                        && !Intermediate.of(t).isEmpty() && Intermediate.lastStep(t) <= 2
                        && t.attrs().get(Intermediate.PRUNED) == null)) {
                    break;
                }
                assertThat(Instant.now()).as("the child should get that far").isBefore(deadline);
                Thread.sleep(20);
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        StudySnapshot before = snapshot(db);
        Trial cut = before.trials().stream().filter(t -> t.state() == TrialState.RUNNING).findFirst().orElseThrow();
        List<Trial> finishedBefore = before.trials().stream().filter(t -> t.state().isFinished()).toList();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(TuneApplication.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err),
                "resume", "pruned", "--storage", "sqlite:" + db)).isEqualTo(ExitCodes.OK);

        StudySnapshot after = snapshot(db);
        for (Trial t : finishedBefore) {
            Trial now = after.trials().get(t.number());
            assertThat(now.state()).isEqualTo(t.state());
            assertThat(now.value()).isEqualTo(t.value());
            assertThat(Intermediate.of(now)).isEqualTo(Intermediate.of(t));
            assertThat(now.attrs()).isEqualTo(t.attrs());
        }
        Trial cutAfter = after.trials().get(cut.number());
        assertThat(cutAfter.state()).isEqualTo(TrialState.FAILED);
        assertThat(cutAfter.message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        assertThat(Intermediate.of(cutAfter)).as("the cut trial keeps its reports").isNotEmpty()
                .startsWith(Intermediate.of(cut).toArray(new dev.tuneagent.core.prune.Report[0]));
        assertThat(after.trials()).hasSize(BUDGET).allMatch(t -> t.state().isFinished());
        assertThat(after.trials()).filteredOn(t -> t.state() == TrialState.PRUNED)
                .as("the median pruner stopped some trials").isNotEmpty()
                .allMatch(t -> !Intermediate.of(t).isEmpty() && t.attrs().get(Intermediate.PRUNED) != null);
        assertThat(Resources.used(after)).isLessThanOrEqualTo(100);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Resuming: 1 trial(s) left RUNNING");
    }
}
