package dev.tuneagent.agent.loop;

import static dev.tuneagent.agent.loop.ControlledJobs.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.llm.TestConfigs.ManualClock;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several owners on one study: leases, stale takeover, refusal of a busy study, late results. */
class WorkersTest {
    private static final Duration GRACE = Duration.ofSeconds(60);
    /** Other owners live on another host, so only their heartbeat (never a pid check) decides whether they live. */
    private static final Owner A = new Owner("host-a", 101, "aaaa");
    private static final Owner B = new Owner("host-b", 202, "bbbb");

    private final ManualClock clock = new ManualClock();
    private final InMemoryStudyStore storeA = new InMemoryStudyStore(A);
    private final InMemoryStudyStore storeB = storeA.asWorker(B);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private void create(int budget) {
        storeA.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 7, budget, "{}",
                clock.instant()));
    }

    private StudyRun run() {
        return new StudyRun("s", ParallelOptimizerTest.JOB, FakeJobs.seeded("gp"), dir);
    }

    /** A lease taken by owner A outside any loop: "another process runs trial 0". */
    private Trial startAsA(double x) {
        return storeA.startTrial("s", new Proposal(Map.of("x", x), Provenance.of("gp", 1)), clock.instant());
    }

    private Leasing leasing(Leasing.Pause pause) {
        return new Leasing(GRACE, Duration.ofSeconds(59), Duration.ofMillis(10), pause);
    }

    private CompletableFuture<RunOutcome> start(Optimizer o, StudyRun r) {
        return CompletableFuture.supplyAsync(() -> o.run(r), pool);
    }

    @Test
    void two_workers_on_one_store_never_exceed_the_budget_and_keep_every_result() throws Exception {
        create(20);
        JobLauncher async = r -> CompletableFuture.supplyAsync(() -> new JobResult.Succeeded(
                Map.of("loss", ((Number) r.params().get("x")).doubleValue()), Duration.ZERO), pool);
        Leasing fast = new Leasing(GRACE, Duration.ofSeconds(10), Duration.ofMillis(5), null);
        CompletableFuture<RunOutcome> a = start(new Optimizer(storeA, async, clock, null, fast), run().withParallel(3).asWorker());
        CompletableFuture<RunOutcome> b = start(new Optimizer(storeB, async, clock, null, fast), run().withParallel(3).asWorker());
        RunOutcome ra = a.get(30, TimeUnit.SECONDS);
        RunOutcome rb = b.get(30, TimeUnit.SECONDS);
        assertThat(ra.finished()).isTrue();
        assertThat(rb.finished()).isTrue();
        List<Trial> t = storeA.trials("s");
        assertThat(t).extracting(Trial::number).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(t).extracting(Trial::state).containsOnly(TrialState.COMPLETE);
        assertThat(ra.trialsRun() + rb.trialsRun()).isEqualTo(20);
    }

    @Test
    void a_configuration_another_worker_started_while_this_one_proposed_is_proposed_again() {
        create(2);
        AtomicInteger asked = new AtomicInteger();
        dev.tuneagent.core.proposer.Proposer racing = new dev.tuneagent.core.proposer.Proposer() {
            @Override
            public String name() {
                return "gp";
            }

            @Override
            public List<Proposal> propose(dev.tuneagent.core.study.StudySnapshot s, int n) {
                // Deterministic, like the GP on one history: the same point for the same number of trials.
                Proposal p = new Proposal(Map.of("x", s.trials().size() * 1.0), Provenance.of("gp", 1));
                if (asked.getAndIncrement() == 0) {
                    storeA.startTrial("s", p, clock.instant()); // worker A, on the same history, got there first
                }
                return List.of(p);
            }
        };
        Leasing.Pause aFinishes = d -> storeA.finishTrial("s", 0, TrialOutcome.complete(1.0, Map.of("loss", 1.0)),
                clock.instant());
        new Optimizer(storeB, new FakeJobs.ScriptedLauncher(), clock, null, leasing(aFinishes))
                .run(new StudyRun("s", ParallelOptimizerTest.JOB, racing, dir).asWorker());
        List<Trial> t = storeA.trials("s");
        assertThat(t).hasSize(2);
        assertThat(t.get(0).params()).isEqualTo(Map.of("x", 0.0));
        assertThat(t.get(1).params()).isEqualTo(Map.of("x", 1.0));
        assertThat(asked.get()).isEqualTo(2);
    }

    @Test
    void a_plain_run_refuses_a_study_another_live_owner_runs_and_changes_nothing() {
        create(3);
        startAsA(0.5);
        clock.advance(Duration.ofSeconds(20));
        ControlledJobs jobs = new ControlledJobs();
        assertThatThrownBy(() -> new Optimizer(storeB, jobs, clock, null, leasing(null)).run(run()))
                .isInstanceOf(StudyBusyException.class)
                .hasMessageContaining("study \"s\" is being run by another live process: host host-a, pid 101")
                .hasMessageContaining("last heartbeat 20 s ago")
                .hasMessageContaining("tune worker s --storage");
        assertThat(storeA.trials("s")).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TrialState.RUNNING));
        assertThat(jobs.launched()).isZero();
    }

    @Test
    void a_plain_run_takes_over_a_lease_older_than_the_grace_period() {
        create(2);
        startAsA(0.5);
        clock.advance(GRACE.plusSeconds(1));
        ControlledJobs none = new ControlledJobs();
        JobLauncher instant = new FakeJobs.ScriptedLauncher();
        RunOutcome out = new Optimizer(storeB, instant, clock, null, leasing(null)).run(run());
        assertThat(out.recovered()).isEqualTo(1);
        List<Trial> t = storeA.trials("s");
        assertThat(t.get(0).message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        assertThat(t.get(1).attrs()).containsEntry("rerun_of", 0);
        assertThat(t.get(1).params()).isEqualTo(t.get(0).params());
        assertThat(none.launched()).isZero();
    }

    @Test
    void a_worker_waits_for_a_live_owner_whose_heartbeat_keeps_coming_and_never_takes_its_trial() throws Exception {
        create(2);
        startAsA(0.5);
        AtomicInteger pauses = new AtomicInteger();
        Leasing.Pause passTime = d -> {
            clock.advance(Duration.ofSeconds(30)); // five pauses: 150 s, far past the grace without heartbeats
            storeA.heartbeat("s", clock.instant());
            if (pauses.incrementAndGet() == 5) {
                storeA.finishTrial("s", 0, TrialOutcome.complete(4.0, Map.of("loss", 4.0)), clock.instant());
            }
        };
        RunOutcome out = new Optimizer(storeB, new FakeJobs.ScriptedLauncher(), clock, null, leasing(passTime))
                .run(run().asWorker());
        assertThat(out.finished()).isTrue();
        assertThat(pauses.get()).isEqualTo(5);
        List<Trial> t = storeA.trials("s");
        assertThat(t).hasSize(2).extracting(Trial::state).containsOnly(TrialState.COMPLETE);
        assertThat(t.get(0).value()).isEqualTo(4.0);
    }

    @Test
    void a_worker_takes_over_a_silent_owners_trial_and_runs_its_rerun() throws Exception {
        create(4);
        Trial theirs = startAsA(0.5);
        ControlledJobs jobs = new ControlledJobs();
        CompletableFuture<RunOutcome> out = start(new Optimizer(storeB, jobs, clock, null, leasing(null)),
                run().asWorker());
        jobs.awaitLaunched(1); // trial 1; trial 0 is A's and stays A's while its lease is fresh
        assertThat(storeA.trials("s").get(0).state()).isEqualTo(TrialState.RUNNING);
        clock.advance(GRACE.plusSeconds(30)); // A is silent
        await("trial 0 is taken over", () -> storeA.trials("s").get(0).state() == TrialState.FAILED);
        jobs.succeed(1, 1.0);
        jobs.awaitLaunched(2);
        Trial rerun = storeA.trials("s").get(2);
        assertThat(rerun.attrs()).containsEntry("rerun_of", 0);
        assertThat(rerun.params()).isEqualTo(theirs.params());
        jobs.succeed(2, 0.25);
        jobs.awaitLaunched(3);
        jobs.succeed(3, 2.0);
        RunOutcome done = out.get(20, TimeUnit.SECONDS);
        assertThat(done.finished()).isTrue();
        assertThat(done.recovered()).isEqualTo(1);
        assertThat(storeA.trials("s")).extracting(Trial::state).containsExactly(TrialState.FAILED,
                TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE);
    }

    @Test
    void a_result_that_arrives_after_a_takeover_is_not_stored_and_the_worker_goes_on_with_a_warning() throws Exception {
        create(2);
        ControlledJobs jobs = new ControlledJobs();
        List<String> warnings = new CopyOnWriteArrayList<>();
        OptimizerListener listener = new OptimizerListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        CompletableFuture<RunOutcome> out = start(new Optimizer(storeB, jobs, clock, listener, leasing(null)),
                run().asWorker());
        jobs.awaitLaunched(1);
        clock.advance(GRACE.plusSeconds(1)); // B's heartbeat thread is paused (a GC stop, a lost network...)
        assertThat(Leases.fail(storeA, "s", Leases.staleOfOthers(storeA, "s", GRACE, clock), clock))
                .extracting(Trial::number).containsExactly(0);
        jobs.succeed(0, 3.0); // B's job ends after all
        jobs.awaitLaunched(2); // B goes on with the re-run that replaced its trial
        jobs.succeed(1, 3.0);
        assertThat(out.get(20, TimeUnit.SECONDS).finished()).isTrue();
        assertThat(warnings).singleElement().asString().contains("trial #0 ended (value 3.0) after another worker had"
                + " taken it over").contains("not stored, the re-run replaces it");
        List<Trial> t = storeA.trials("s");
        assertThat(t.get(0).message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        assertThat(t.get(1).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.get(1).attrs()).containsEntry("rerun_of", 0);
    }

    @Test
    void the_heartbeat_refreshes_the_runs_leases_while_it_has_trials_running() throws Exception {
        create(1);
        ControlledJobs jobs = new ControlledJobs();
        Leasing beating = new Leasing(GRACE, Duration.ofMillis(5), Duration.ofMillis(10), null);
        CompletableFuture<RunOutcome> out = start(new Optimizer(storeB, jobs, clock, null, beating), run());
        jobs.awaitLaunched(1);
        java.time.Instant started = storeB.leases("s", clock.instant()).get(0).heartbeatAt();
        clock.advance(Duration.ofSeconds(45));
        await("a heartbeat at the new time", () -> storeB.leases("s", clock.instant()).get(0).heartbeatAt()
                .equals(started.plusSeconds(45)));
        jobs.succeed(0, 1.0);
        assertThat(out.get(20, TimeUnit.SECONDS).finished()).isTrue();
    }

    @Test
    void a_beat_without_running_trials_writes_nothing() {
        create(1);
        startAsA(0.5);
        java.time.Instant at = storeA.leases("s", clock.instant()).get(0).heartbeatAt();
        clock.advance(Duration.ofSeconds(30));
        try (Heartbeat idle = Heartbeat.start(storeA, "s", clock, () -> 0, Duration.ofHours(1))) {
            idle.beat();
        }
        assertThat(storeA.leases("s", clock.instant()).get(0).heartbeatAt()).isEqualTo(at);
        try (Heartbeat busy = Heartbeat.start(storeA, "s", clock, () -> 1, Duration.ofHours(1))) {
            busy.beat();
        }
        assertThat(storeA.leases("s", clock.instant()).get(0).heartbeatAt()).isEqualTo(clock.instant());
    }
}
