package dev.tuneagent.agent.loop;

import static dev.tuneagent.agent.loop.ControlledJobs.await;
import static dev.tuneagent.agent.loop.ControlledJobs.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.CommandJobSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code budget.parallel}: K trials at once, refilled as each ends, with proposers that see the running ones. */
class ParallelOptimizerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final CommandJobSpec JOB = new CommandJobSpec(List.of("true"), Duration.ofSeconds(5), "loss", null);
    /** Long enough that nothing in a test depends on the heartbeat or the poll firing. */
    static final Leasing QUIET = new Leasing(Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMillis(20), null);

    private final InMemoryStudyStore store = new InMemoryStudyStore();
    private final ControlledJobs jobs = new ControlledJobs();
    @TempDir
    Path dir;

    private void create(SearchSpace space, int budget) {
        store.createStudy(new StudyDefinition("s", space, Direction.MINIMIZE, "loss", 7, budget, "{}", CLOCK.instant()));
    }

    private CompletableFuture<RunOutcome> start(Optimizer optimizer, StudyRun run) {
        CompletableFuture<RunOutcome> out = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                out.complete(optimizer.run(run));
            } catch (Throwable e) {
                out.completeExceptionally(e);
            }
        }, "test-run");
        t.setDaemon(true);
        t.start();
        return out;
    }

    @Test
    void keeps_k_trials_running_and_starts_the_next_as_soon_as_any_one_ends() throws Exception {
        create(FakeJobs.SPACE, 6);
        CompletableFuture<RunOutcome> out = start(new Optimizer(store, jobs, CLOCK, null, QUIET),
                new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir).withParallel(3));
        jobs.awaitLaunched(3);
        assertThat(count(store, "s", TrialState.RUNNING)).isEqualTo(3);
        jobs.succeed(1, 0.5); // the middle one: not a batch, trial 3 starts while 0 and 2 still run
        jobs.awaitLaunched(4);
        assertThat(jobs.runningTrials()).containsExactly(0, 2, 3);
        assertThat(store.trials("s").get(1).state()).isEqualTo(TrialState.COMPLETE);
        for (int n : new int[] {3, 0}) {
            jobs.succeed(n, n);
        }
        jobs.awaitLaunched(6);
        for (int n : new int[] {2, 5, 4}) {
            jobs.succeed(n, n);
        }
        RunOutcome done = out.get(20, TimeUnit.SECONDS);
        assertThat(done.finished()).isTrue();
        assertThat(done.trialsRun()).isEqualTo(6);
        assertThat(store.trials("s")).extracting(Trial::state).containsOnly(TrialState.COMPLETE).hasSize(6);
        assertThat(jobs.launched()).isEqualTo(6);
        assertThat(jobs.mostAtOnce()).isEqualTo(3);
    }

    @Test
    void the_proposer_sees_the_running_trials_and_no_two_running_trials_share_a_configuration() throws Exception {
        create(FakeJobs.SPACE, 4);
        List<StudySnapshot> seen = new CopyOnWriteArrayList<>();
        Proposer stubborn = fixed("stubborn", Map.of("x", 0.5), seen); // always the same point
        CompletableFuture<RunOutcome> out = start(new Optimizer(store, jobs, CLOCK, null, QUIET),
                new StudyRun("s", JOB, stubborn, dir).withParallel(4));
        jobs.awaitLaunched(4);
        assertThat(seen.get(1).trials()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TrialState.RUNNING));
        assertThat(seen.get(3).trials()).hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.RUNNING));
        List<Trial> running = store.trials("s");
        assertThat(running.stream().map(Trial::params).distinct()).hasSize(4);
        assertThat(running.get(0).provenance().proposer()).isEqualTo("stubborn");
        assertThat(running.subList(1, 4)).allSatisfy(t -> assertThat(t.provenance().fallback()).isNotNull());
        for (int n = 0; n < 4; n++) {
            jobs.succeed(n, n);
        }
        assertThat(out.get(20, TimeUnit.SECONDS).finished()).isTrue();
    }

    @Test
    void on_a_small_discrete_space_the_running_trials_use_up_the_configurations_and_the_run_ends_exhausted()
            throws Exception {
        SearchSpace three = SearchSpace.of(new CategoricalParam("c", List.of("a", "b", "c")));
        create(three, 5);
        CompletableFuture<RunOutcome> out = start(new Optimizer(store, jobs, CLOCK, null, QUIET),
                new StudyRun("s", JOB, fixed("stubborn", Map.of("c", "a"), new CopyOnWriteArrayList<>()), dir)
                        .withParallel(4));
        jobs.awaitLaunched(3);
        assertThat(store.trials("s")).extracting(t -> t.params().get("c")).containsExactlyInAnyOrder("a", "b", "c");
        for (int n = 0; n < 3; n++) {
            jobs.succeed(n, n);
        }
        RunOutcome done = out.get(20, TimeUnit.SECONDS);
        assertThat(done.exhausted()).isTrue();
        assertThat(jobs.launched()).isEqualTo(3);
    }

    @Test
    void parallel_one_runs_one_trial_at_a_time() throws Exception {
        create(FakeJobs.SPACE, 3);
        CompletableFuture<RunOutcome> out = start(new Optimizer(store, jobs, CLOCK, null, QUIET),
                new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir));
        for (int n = 0; n < 3; n++) {
            jobs.awaitLaunched(n + 1);
            assertThat(count(store, "s", TrialState.RUNNING)).isEqualTo(1);
            jobs.succeed(n, n);
        }
        assertThat(out.get(20, TimeUnit.SECONDS).finished()).isTrue();
        assertThat(jobs.mostAtOnce()).isEqualTo(1);
    }

    @Test
    void ctrl_c_with_k_running_cancels_them_all_stores_them_interrupted_and_resume_reruns_them() throws Exception {
        create(FakeJobs.SPACE, 6);
        Optimizer first = new Optimizer(store, jobs, CLOCK, null, QUIET);
        CompletableFuture<RunOutcome> out = start(first, new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir).withParallel(3));
        jobs.awaitLaunched(3);
        jobs.succeed(1, 0.25);
        jobs.awaitLaunched(4);
        assertThat(first.cancelAndWait(Duration.ofSeconds(20))).isTrue();
        RunOutcome stopped = out.get(20, TimeUnit.SECONDS);
        assertThat(stopped.finished()).isFalse();
        assertThat(jobs.launched()).as("nothing launched after Ctrl-C").isEqualTo(4);
        List<Trial> t = store.trials("s");
        assertThat(t).extracting(Trial::state).containsExactly(TrialState.FAILED, TrialState.COMPLETE,
                TrialState.FAILED, TrialState.FAILED);
        assertThat(List.of(t.get(0), t.get(2), t.get(3))).allSatisfy(x -> assertThat(x.message())
                .isEqualTo(Interruptions.BY_USER));

        ControlledJobs again = new ControlledJobs();
        CompletableFuture<RunOutcome> resumed = start(new Optimizer(store, again, CLOCK, null, QUIET),
                new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir).withParallel(3));
        again.awaitLaunched(2); // room for two of the three re-runs: the budget counts trial numbers
        assertThat(store.trials("s").subList(4, 6)).extracting(x -> x.attrs().get("rerun_of")).containsExactly(0, 2);
        again.succeed(4, 1);
        again.succeed(5, 2);
        assertThat(resumed.get(20, TimeUnit.SECONDS).finished()).isTrue();
        assertThat(store.trials("s")).hasSize(6);
    }

    @Test
    void an_interrupt_of_the_running_thread_stops_like_ctrl_c_and_keeps_the_interrupt_flag() throws Exception {
        create(FakeJobs.SPACE, 6);
        Optimizer opt = new Optimizer(store, jobs, CLOCK, null, QUIET);
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        CompletableFuture<RunOutcome> out = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            out.complete(opt.run(new StudyRun("s", JOB, FakeJobs.seeded("gp"), dir).withParallel(2)));
            flag.complete(Thread.currentThread().isInterrupted());
        });
        t.start();
        jobs.awaitLaunched(2);
        t.interrupt();
        assertThat(out.get(20, TimeUnit.SECONDS).finished()).isFalse();
        assertThat(flag.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(store.trials("s")).extracting(Trial::message).containsOnly(Interruptions.BY_USER).hasSize(2);
    }

    @Test
    void a_replay_mismatch_while_trials_run_cancels_them_and_stores_them_interrupted_before_it_stops_the_run()
            throws Exception {
        create(FakeJobs.SPACE, 4);
        Proposer replaying = new Proposer() {
            @Override
            public String name() {
                return "llambo";
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                if (s.trials().size() == 2) {
                    throw new dev.tuneagent.agent.llm.error.CassetteMiss("cassette replay: no recording matches");
                }
                return FakeJobs.seeded("llambo").propose(s, n);
            }
        };
        CompletableFuture<RunOutcome> out = start(new Optimizer(store, jobs, CLOCK, null, QUIET),
                new StudyRun("s", JOB, replaying, dir).withParallel(3));
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> out.get(20, TimeUnit.SECONDS));
        assertThat(thrown).hasCauseInstanceOf(dev.tuneagent.agent.llm.error.CassetteMiss.class);
        assertThat(jobs.runningTrials()).as("no job left running without an owner").isEmpty();
        assertThat(store.trials("s")).hasSize(2).extracting(Trial::message).containsOnly(Interruptions.BY_USER);
    }

    private static Proposer fixed(String name, Map<String, Object> params, List<StudySnapshot> seen) {
        return new Proposer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Proposal> propose(StudySnapshot s, int n) {
                seen.add(s);
                return List.of(new Proposal(params, Provenance.of(name, s.proposalSeed())));
            }
        };
    }
}
