package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.loop.FakeJobs.ScriptedLauncher;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.CommandJobSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAITING trials in the loop: claimed before any proposal; the initial design and re-runs are enqueued once. */
class OptimizerQueueTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CommandJobSpec JOB = new CommandJobSpec(List.of("true"), Duration.ofSeconds(5), "loss", null);

    private final InMemoryStudyStore store = new InMemoryStudyStore();
    private final ScriptedLauncher launcher = new ScriptedLauncher();
    @TempDir
    Path dir;

    /** A proposer that counts its calls and has a two-point initial design (one with attributes). */
    private static final class Designing implements Proposer {
        final List<Integer> designAsked = new ArrayList<>();
        final List<Integer> proposeAsked = new ArrayList<>();
        final Proposer inner = FakeJobs.seeded("gp");
        List<Proposal> design = List.of(
                new Proposal(Map.of("x", 1.5), new Provenance("llm-warmstart", "v1", "openai:m", 3, null, 50, 5, 0.001),
                        Map.of("candidates", List.of(Map.of("params", Map.of("x", 1.5), "score", 0.5)))),
                new Proposal(Map.of("x", -2.0), Provenance.of("llm-warmstart", 3)));

        @Override
        public String name() {
            return "designing";
        }

        @Override
        public List<Proposal> propose(StudySnapshot s, int n) {
            proposeAsked.add(s.trials().size());
            assertThat(s.trials()).noneMatch(t -> t.state() == TrialState.WAITING);
            return inner.propose(s, n);
        }

        @Override
        public List<Proposal> initialDesign(StudySnapshot s) {
            designAsked.add(s.trials().size());
            return design;
        }
    }

    private void create(int budget) {
        store.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 7, budget, "{}",
                CLOCK.instant()));
    }

    private RunOutcome run(Proposer proposer) {
        return new Optimizer(store, launcher, CLOCK, null).run(new StudyRun("s", JOB, proposer, dir));
    }

    private static Proposal user(double x) {
        return new Proposal(Map.of("x", x), Provenance.of("enqueue", 0), Map.of("source", "enqueue"));
    }

    @Test
    void queuedTrialsRunOldestFirstBeforeTheProposerIsAskedAndKeepTheirAttributes() {
        create(4);
        store.enqueueTrial("s", user(4.0), CLOCK.instant());
        store.enqueueTrial("s", user(-4.0), CLOCK.instant());
        Designing p = new Designing();
        p.design = List.of();

        run(p);

        List<Trial> t = store.trials("s");
        assertThat(t).extracting(x -> x.params().get("x")).startsWith(4.0, -4.0);
        assertThat(t.subList(0, 2)).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(x.attrs()).isEqualTo(Map.of("source", "enqueue"));
            assertThat(x.provenance().proposer()).isEqualTo("enqueue");
        });
        assertThat(p.proposeAsked).containsExactly(2, 3);
        assertThat(launcher.requests).extracting(r -> r.trial()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theInitialDesignIsEnqueuedOnceAfterTheUsersConfigurationsWithItsProvenanceAndAttributes() {
        create(5);
        store.enqueueTrial("s", user(0.0), CLOCK.instant());
        Designing p = new Designing();

        run(p);

        List<Trial> t = store.trials("s");
        assertThat(p.designAsked).containsExactly(1);
        assertThat(t).extracting(x -> x.params().get("x")).startsWith(0.0, 1.5, -2.0);
        assertThat(t.get(1).attrs()).containsEntry("source", "warmstart").containsKey("candidates");
        assertThat(t.get(1).provenance()).isEqualTo(p.design.get(0).provenance());
        assertThat(t.get(2).attrs()).isEqualTo(Map.of("source", "warmstart"));
        assertThat(t.subList(3, 5)).allSatisfy(x -> assertThat(x.attrs()).isEmpty());
        assertThat(p.proposeAsked).containsExactly(3, 4);
    }

    @Test
    void aResumedStudyEvaluatesTheStoredDesignAndNeverAsksForANewOne() {
        create(4);
        Designing p = new Designing();
        Optimizer first = new Optimizer(store, launcher, CLOCK, null);
        launcher.script = r -> {
            first.cancel(); // Ctrl-C during the first design point
            return null;
        };
        first.run(new StudyRun("s", JOB, p, dir));
        assertThat(store.trials("s")).extracting(Trial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.WAITING);

        launcher.script = r -> null;
        Designing again = new Designing();
        again.design = List.of(new Proposal(Map.of("x", 4.5), Provenance.of("other", 1)));
        run(again);

        assertThat(again.designAsked).isEmpty();
        List<Trial> t = store.trials("s");
        assertThat(t).extracting(x -> x.params().get("x")).startsWith(1.5, -2.0);
        assertThat(t.get(1).attrs()).containsEntry("source", "warmstart");
        assertThat(t).allMatch(Trial::isComplete).hasSize(4);
    }

    @Test
    void aDesignLargerThanTheBudgetIsCutAndAPointOutsideTheSpaceIsLeftOut() {
        create(2);
        Designing p = new Designing();
        p.design = List.of(new Proposal(Map.of("x", 99.0), Provenance.of("llm", 1)),
                new Proposal(Map.of("x", 1.0), Provenance.of("llm", 1)), new Proposal(Map.of("x", 2.0), Provenance.of("llm", 1)),
                new Proposal(Map.of("x", 3.0), Provenance.of("llm", 1)));

        RunOutcome out = run(p);

        assertThat(out.finished()).isTrue();
        assertThat(store.trials("s")).extracting(x -> x.params().get("x")).containsExactly(1.0, 2.0);
        assertThat(p.proposeAsked).isEmpty();
    }

    @Test
    void aCrashBetweenFailingATrialAndEnqueueingItsRerunIsRepairedByTheNextStartAndNothingIsQueuedTwice() {
        create(4);
        store.startTrial("s", new Proposal(Map.of("x", 2.5), Provenance.of("gp", 42)), CLOCK.instant());
        // What a crash right after failPendingTrials leaves: the FAILED trial, no re-run queued.
        store.failPendingTrials("s", Interruptions.FOUND_AT_RESUME, CLOCK.instant());
        store.startTrial("s", new Proposal(Map.of("x", 1.0), Provenance.of("gp", 43)), CLOCK.instant());
        store.finishTrial("s", 1, TrialOutcome.complete(0.0, Map.of()), CLOCK.instant());

        Optimizer stoppedAtOnce = new Optimizer(store, launcher, CLOCK, null);
        stoppedAtOnce.cancel();
        stoppedAtOnce.run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));
        stoppedAtOnce = new Optimizer(store, launcher, CLOCK, null);
        stoppedAtOnce.cancel();
        stoppedAtOnce.run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));
        assertThat(store.trials("s")).filteredOn(x -> x.state() == TrialState.WAITING).singleElement()
                .satisfies(x -> assertThat(x.attrs()).isEqualTo(Map.of("source", "rerun", "rerun_of", 0)));

        run(FakeJobs.seeded("gp"));
        List<Trial> t = store.trials("s");
        assertThat(t.get(2).params()).isEqualTo(Map.of("x", 2.5));
        assertThat(t.get(2).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t).hasSize(4).noneMatch(Trial::isPending);
    }

    @Test
    void aWaitingTrialSurvivesACrashOnlyTheRunningOneIsFailedAndRerun() {
        create(4);
        store.startTrial("s", new Proposal(Map.of("x", 2.5), Provenance.of("gp", 42)), CLOCK.instant());
        store.enqueueTrial("s", user(3.0), CLOCK.instant());
        List<List<Trial>> recovered = new ArrayList<>();
        RunOutcome out = new Optimizer(store, launcher, CLOCK, new OptimizerListener() {
            @Override
            public void recovered(List<Trial> interrupted) {
                recovered.add(interrupted);
            }
        }).run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));

        assertThat(out.recovered()).isEqualTo(1);
        assertThat(recovered).singleElement().satisfies(l -> assertThat(l).extracting(Trial::number).containsExactly(0));
        List<Trial> t = store.trials("s");
        assertThat(t.get(0).message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        assertThat(t.get(1).attrs()).isEqualTo(Map.of("source", "enqueue"));
        assertThat(t.get(1).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.get(2).attrs()).containsEntry("rerun_of", 0);
        assertThat(t).hasSize(4).noneMatch(Trial::isPending);
    }
}
