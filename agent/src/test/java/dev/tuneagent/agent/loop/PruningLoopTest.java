package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.prune.MedianPruner;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop with a pruner and a resource budget, over a job whose learning curve is x + 1/step for 5 steps. */
class PruningLoopTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final CommandJobSpec JOB = new CommandJobSpec(List.of("true"), Duration.ofSeconds(5), "loss", null);
    static final int STEPS = 5;
    final InMemoryStudyStore store = new InMemoryStudyStore();
    @TempDir
    Path dir;

    /** Reports x + 1/s at s = 1..5 and stops when told to, as a real launcher does. */
    static final class CurveLauncher implements JobLauncher {
        @Override
        public CompletableFuture<JobResult> launch(JobRequest r) {
            double x = ((Number) r.params().get("x")).doubleValue();
            for (int s = 1; s <= STEPS; s++) {
                double v = x + 1.0 / s;
                if (r.reporter().report(s, v)) {
                    return CompletableFuture.completedFuture(new JobResult.Pruned(s, v, Duration.ZERO));
                }
            }
            return CompletableFuture.completedFuture(new JobResult.Succeeded(Map.of("loss", x + 1.0 / STEPS),
                    Duration.ZERO));
        }

        @Override
        public void close() {
        }
    }

    /** Proposes x = 0, 1, 2, ... in trial order: every later trial is worse at every step. */
    static Proposer ascending() {
        return new Proposer() {
            @Override
            public String name() {
                return "ascending";
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                return List.of(new Proposal(Map.of("x", (double) s.trials().size()), Provenance.of(name(), 0)));
            }
        };
    }

    RunOutcome run(int budget, Pruner pruner, Integer resource) {
        store.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 7, budget, "{}",
                CLOCK.instant()));
        return new Optimizer(store, new CurveLauncher(), CLOCK, null).run(new StudyRun("s", JOB, ascending(), dir, pruner, resource));
    }

    @Test
    void trials_worse_than_the_median_at_a_step_are_pruned_with_their_last_value_and_the_reason() {
        RunOutcome out = run(5, new MedianPruner(2, 0, 1, 1), null);
        assertThat(out.finished()).isTrue();
        List<Trial> t = store.trials("s");
        assertThat(t).extracting(Trial::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.PRUNED, TrialState.PRUNED, TrialState.PRUNED);
        // trial 2 (x = 2) reports 3.0 at step 1; the completed trials had 1.0 and 2.0 there (median 1.5)
        Trial pruned = t.get(2);
        assertThat(pruned.value()).isEqualTo(3.0);
        assertThat(Intermediate.lastStep(pruned)).isEqualTo(1);
        assertThat(pruned.message()).contains("median rule at step 1").contains("1.50000");
        assertThat(pruned.attrs().get(Intermediate.PRUNED)).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("rule", "median")
                .containsEntry("threshold", 1.5);
        assertThat(Intermediate.of(t.get(0))).hasSize(STEPS);
        assertThat(Resources.used(store.snapshot("s"))).isEqualTo(5 + 5 + 1 + 1 + 1);
    }

    @Test
    void the_resource_budget_stops_the_study_and_cuts_the_last_trial_at_exactly_the_budget() {
        RunOutcome out = run(100, Pruner.NONE, 12);
        assertThat(out.finished()).isTrue();
        List<Trial> t = store.trials("s");
        assertThat(t).extracting(Trial::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.PRUNED);
        assertThat(t.get(2).message()).contains("budget.resource is spent");
        assertThat(Intermediate.lastStep(t.get(2))).isEqualTo(2);
        assertThat(Resources.used(store.snapshot("s"))).isEqualTo(12);
    }
}
