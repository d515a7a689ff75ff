package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.agent.loop.FakeJobs.ScriptedLauncher;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.tools.job.JobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CommandJobSpec JOB = new CommandJobSpec(List.of("true"), Duration.ofSeconds(5), "loss", null);

    private final InMemoryStudyStore store = new InMemoryStudyStore();
    private final ScriptedLauncher launcher = new ScriptedLauncher();
    @TempDir
    Path dir;

    private void create(int budget) {
        store.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 7, budget, "{}",
                CLOCK.instant()));
    }

    private RunOutcome run(Proposer proposer) {
        return new Optimizer(store, launcher, CLOCK, null).run(new StudyRun("s", JOB, proposer, dir));
    }

    private static List<Integer> numbers(List<Trial> trials) {
        return trials.stream().map(Trial::number).toList();
    }

    @Test
    void runsExactlyTheBudgetWithDenseNumbersAndAWorkDirPerTrial() {
        create(6);
        RunOutcome out = run(FakeJobs.seeded("gp"));
        assertThat(out.finished()).isTrue();
        assertThat(out.trialsRun()).isEqualTo(6);
        List<Trial> trials = store.trials("s");
        assertThat(numbers(trials)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(trials).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.provenance().proposer()).isEqualTo("gp");
            assertThat(t.metrics()).containsKeys("loss", "other");
        });
        assertThat(launcher.requests).extracting(r -> r.workDir()).allSatisfy(p -> assertThat(p).isDirectory())
                .contains(dir.resolve("trial-0000"), dir.resolve("trial-0005"));
        assertThat(launcher.requests).extracting(r -> r.objective()).containsOnly("loss");
        assertThat(launcher.requests.stream().map(r -> r.seed()).distinct().count()).as("a seed per trial").isEqualTo(6);
    }

    @Test
    void aFinishedStudyRunsNothingMore() {
        create(2);
        run(FakeJobs.seeded("gp"));
        RunOutcome again = run(FakeJobs.seeded("gp"));
        assertThat(again.trialsRun()).isZero();
        assertThat(again.finished()).isTrue();
        assertThat(store.trials("s")).hasSize(2);
    }

    @Test
    void aFailedJobIsAFailedTrialWithItsReasonAndTheStudyGoesOn() {
        create(4);
        launcher.script = r -> switch (r.trial()) {
            case 1 -> CompletableFuture.completedFuture(new JobResult.Failed("exit code 3", "Traceback\nValueError: bad"));
            case 2 -> CompletableFuture.completedFuture(new JobResult.TimedOut(Duration.ofSeconds(60), "slow"));
            case 3 -> CompletableFuture.failedFuture(new IllegalStateException("launcher broke"));
            default -> null;
        };
        run(FakeJobs.seeded("gp"));
        List<Trial> t = store.trials("s");
        assertThat(t).extracting(Trial::state).containsExactly(TrialState.COMPLETE, TrialState.FAILED,
                TrialState.FAILED, TrialState.FAILED);
        assertThat(t.get(1).message()).isEqualTo("exit code 3\nTraceback\nValueError: bad");
        assertThat(t.get(2).message()).isEqualTo("timed out after 1m\nslow");
        assertThat(t.get(3).message()).isEqualTo("the job launcher failed: launcher broke");
    }

    @Test
    void aMissingOrNonFiniteObjectiveFailsTheTrial() {
        create(2);
        launcher.script = r -> CompletableFuture.completedFuture(new JobResult.Succeeded(
                r.trial() == 0 ? Map.of("acc", 1.0) : Map.of("loss", Double.NaN), Duration.ZERO));
        run(FakeJobs.seeded("gp"));
        List<Trial> t = store.trials("s");
        assertThat(t.get(0).message()).isEqualTo("the job reported no \"loss\" metric (it reported [acc])");
        assertThat(t.get(1).state()).isEqualTo(TrialState.FAILED);
        assertThat(t.get(1).message()).isEqualTo("objective value is NaN");
    }

    @Test
    void aThrowingProposerFallsBackAndTheReasonIsInTheProvenance() {
        create(2);
        run(FakeJobs.throwing(new IllegalStateException("model said no")));
        assertThat(store.trials("s")).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.provenance().proposer()).isEqualTo("gp");
            assertThat(t.provenance().fallback()).isEqualTo("broken failed: IllegalStateException: model said no");
        });
    }

    @Test
    void anOutOfSpaceProposalIsNeverStoredTheFallbackIsUsedInstead() {
        create(1);
        run(FakeJobs.outOfSpace());
        Trial t = store.trials("s").get(0);
        assertThat(((Number) t.params().get("x")).doubleValue()).isBetween(-5.0, 5.0);
        assertThat(t.provenance().fallback()).startsWith("wild failed: ").contains("99");
    }

    @Test
    void resumeFailsTrialsACrashLeftRunningAndRerunsTheirConfigurationsFirst() {
        create(5);
        Provenance gp = Provenance.of("gp", 42);
        store.startTrial("s", new Proposal(Map.of("x", 0.5), Provenance.of("gp", 41)), CLOCK.instant());
        store.finishTrial("s", 0, dev.tuneagent.core.study.TrialOutcome.complete(0.25, Map.of()), CLOCK.instant());
        store.startTrial("s", new Proposal(Map.of("x", 2.5), gp), CLOCK.instant());
        List<List<Trial>> recovered = new ArrayList<>();
        RunOutcome out = new Optimizer(store, launcher, CLOCK, new OptimizerListener() {
            @Override
            public void recovered(List<Trial> interrupted) {
                recovered.add(interrupted);
            }
        }).run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));

        assertThat(out.recovered()).isEqualTo(1);
        assertThat(recovered).singleElement().satisfies(l -> assertThat(numbers(l)).containsExactly(1));
        List<Trial> t = store.trials("s");
        assertThat(numbers(t)).containsExactly(0, 1, 2, 3, 4);
        assertThat(t).noneMatch(Trial::isPending);
        assertThat(t.get(1).state()).isEqualTo(TrialState.FAILED);
        assertThat(t.get(1).message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        assertThat(t.get(2).params()).isEqualTo(t.get(1).params());
        assertThat(t.get(2).provenance()).isEqualTo(gp);
        assertThat(t.get(2).attrs()).isEqualTo(Map.of("source", "rerun", "rerun_of", 1));
        assertThat(t.get(2).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.subList(3, 5)).allSatisfy(x -> assertThat(x.provenance().fallback()).isNull());
    }

    @Test
    void cancellingStoresTheRunningTrialAsInterruptedByUserAndTheStudyResumesToExactlyItsBudget() {
        create(5);
        Optimizer first = new Optimizer(store, launcher, CLOCK, null);
        launcher.script = r -> {
            if (r.trial() == 2) {
                CompletableFuture<JobResult> never = new CompletableFuture<>();
                first.cancel(); // what the Ctrl-C hook does while the job runs
                return never;
            }
            return null;
        };
        RunOutcome out = first.run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));
        assertThat(out.finished()).isFalse();
        assertThat(store.trials("s")).hasSize(3);
        assertThat(store.trials("s").get(2).message()).isEqualTo(Interruptions.BY_USER);

        launcher.script = r -> null;
        RunOutcome resumed = run(FakeJobs.seeded("gp"));
        assertThat(resumed.finished()).isTrue();
        assertThat(resumed.recovered()).isZero();
        List<Trial> t = store.trials("s");
        assertThat(numbers(t)).containsExactlyElementsOf(IntStream.range(0, 5).boxed().toList());
        assertThat(t.get(3).params()).isEqualTo(t.get(2).params());
        assertThat(t.get(3).attrs()).containsEntry("source", "rerun").containsEntry("rerun_of", 2);
        assertThat(t.get(3).provenance()).isEqualTo(t.get(2).provenance());
        assertThat(t.stream().filter(Trial::isComplete).count()).isEqualTo(4);
    }

    @Test
    void aJobKilledByTheSameCtrlCCountsAsInterruptedByUserNotAsAFailure() {
        create(3);
        Optimizer first = new Optimizer(store, launcher, CLOCK, null);
        launcher.script = r -> {
            first.cancel(); // the terminal's SIGINT reached the job's process group too
            return CompletableFuture.completedFuture(new JobResult.Failed("python3 was killed by signal 2", ""));
        };
        first.run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));
        assertThat(store.trials("s")).singleElement().satisfies(t -> assertThat(t.message()).isEqualTo(Interruptions.BY_USER));
    }

    @Test
    void listenersSeeEveryTrialAndCannotBreakTheLoop() {
        create(3);
        List<String> seen = new ArrayList<>();
        new Optimizer(store, launcher, CLOCK, new OptimizerListener() {
            @Override
            public void trialStarted(Trial trial, int budget) {
                seen.add("start " + trial.number() + "/" + budget);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void trialFinished(Trial trial, StudySnapshot after) {
                seen.add("done " + trial.number() + " " + trial.state() + " " + after.trials().size());
            }
        }).run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));
        assertThat(seen).containsExactly("start 0/3", "done 0 COMPLETE 1", "start 1/3", "done 1 COMPLETE 2",
                "start 2/3", "done 2 COMPLETE 3");
    }

    @Test
    void anUnknownStudyIsAStoreError() {
        assertThatThrownBy(() -> run(FakeJobs.seeded("gp"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("no study named \"s\"");
    }

    @Test
    void anUncreatableTrialDirectoryFailsTheTrialNotTheStudy() throws Exception {
        create(1);
        Path file = Files.writeString(dir.resolve("blocker"), "x");
        new Optimizer(store, launcher, CLOCK, null).run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), file));
        assertThat(store.trials("s").get(0).message()).startsWith("cannot create the trial directory");
    }

    @Test
    void aSmallDiscreteSpaceStopsTheRunWhenEveryConfigurationHasBeenTried() {
        var tiny = dev.tuneagent.core.space.SearchSpace.of(
                new dev.tuneagent.core.space.CategoricalParam("c", List.of("a", "b")),
                new dev.tuneagent.core.space.OrdinalParam("k", List.of(1L, 2L)));
        store.createStudy(new StudyDefinition("s", tiny, Direction.MINIMIZE, "loss", 7, 10, "{}", CLOCK.instant()));
        launcher.script = r -> CompletableFuture.completedFuture(
                new JobResult.Succeeded(Map.of("loss", 1.0), Duration.ZERO));
        RunOutcome out = new Optimizer(store, launcher, CLOCK, null).run(new StudyRun("s", JOB,
                new dev.tuneagent.core.proposer.SobolProposer(), dir));
        assertThat(out.exhausted()).isTrue();
        assertThat(out.finished()).isTrue();
        List<Trial> trials = store.trials("s");
        assertThat(numbers(trials)).containsExactly(0, 1, 2, 3);
        assertThat(trials.stream().map(t -> t.params()).distinct().count()).isEqualTo(4);
    }

    @Test
    void aCassetteMissStopsTheRunBeforeATrialIsStartedAndTheStudyResumes() {
        create(4);
        Proposer replaying = new Proposer() {
            @Override
            public String name() {
                return "llambo";
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                if (s.trials().size() == 2) {
                    throw new CassetteMiss("cassette replay: no recording in /tmp/cassette has this method, path and body");
                }
                return FakeJobs.seeded("llambo").propose(s, n);
            }
        };
        assertThatThrownBy(() -> run(replaying)).isInstanceOf(CassetteMiss.class).hasMessageContaining("/tmp/cassette");
        List<Trial> t = store.trials("s");
        assertThat(numbers(t)).containsExactly(0, 1);
        assertThat(t).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(x.provenance().proposer()).isEqualTo("llambo");
        });

        RunOutcome resumed = new Optimizer(store, launcher, CLOCK, null).run(new StudyRun("s", JOB,
                FakeJobs.seeded("llambo"), dir));
        assertThat(resumed.finished()).isTrue();
        assertThat(resumed.recovered()).isZero();
        assertThat(numbers(store.trials("s"))).containsExactly(0, 1, 2, 3);
    }

    @Test
    void anInitialDesignIsAskedOnceEvaluatedFirstAndSurvivesAResume() {
        create(5);
        int[] asked = {0};
        Proposer designed = new Proposer() {
            @Override
            public String name() {
                return "llm-warmstart";
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                return FakeJobs.seeded("llm-warmstart").propose(s, n);
            }

            @Override
            public List<Proposal> initialDesign(StudySnapshot s) {
                asked[0]++;
                return List.of(new Proposal(Map.of("x", 1.0), Provenance.of("llm-warmstart", 1)),
                        new Proposal(Map.of("x", 2.0), Provenance.of("llm-warmstart", 1)),
                        new Proposal(Map.of("x", 3.0), Provenance.of("llm-warmstart", 1)));
            }
        };
        Optimizer first = new Optimizer(store, launcher, CLOCK, null);
        launcher.script = r -> {
            if (r.trial() == 1) {
                first.cancel(); // Ctrl-C while the second design point runs
                return new CompletableFuture<>();
            }
            return null;
        };
        first.run(new StudyRun("s", JOB, designed, dir));
        assertThat(store.trials("s")).extracting(Trial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.FAILED, TrialState.WAITING);
        launcher.script = r -> null;
        RunOutcome resumed = run(designed);

        assertThat(resumed.finished()).isTrue();
        assertThat(asked[0]).isEqualTo(1);
        List<Trial> t = store.trials("s");
        assertThat(t.subList(0, 3)).extracting(x -> ((Number) x.params().get("x")).doubleValue())
                .containsExactly(1.0, 2.0, 3.0);
        assertThat(t.subList(0, 3)).allSatisfy(x ->
                assertThat(TrialAttrs.is(x, TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART)).isTrue());
        assertThat(t.get(1).message()).isEqualTo(Interruptions.BY_USER);
    }
}
