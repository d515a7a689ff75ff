package dev.tuneagent.agent.loop;

import static dev.tuneagent.agent.loop.ControlledJobs.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.llm.TestConfigs.ManualClock;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.Owner;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.tools.job.JobLauncher;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.Reattached;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial taken from a dead or silent owner whose job can still be followed (a Slurm job a killed run left queued or
 * running) is claimed and followed to its end, at the start of a run or while a worker runs, instead of being failed
 * and submitted again; every other taken trial is failed and re-run, and a live owner's trials are never touched.
 */
class ReattachTest {
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Owner A = new Owner("host-a", 101, "aaaa");
    private static final Owner B = new Owner("host-b", 202, "bbbb");
    private static final Owner C = new Owner("host-c", 303, "cccc");
    /** The attribute this test's launcher follows, as the Slurm launcher follows {@code slurm_job_id}. */
    private static final String JOB_ATTR = "job";

    private final ManualClock clock = new ManualClock();
    private final InMemoryStudyStore storeA = new InMemoryStudyStore(A);
    private final InMemoryStudyStore storeB = storeA.asWorker(B);
    private final InMemoryStudyStore storeC = storeA.asWorker(C);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** New jobs are {@link ControlledJobs}; a trial whose attributes name a job is followed, others are declined. */
    static final class FollowingJobs implements JobLauncher {
        final ControlledJobs launched = new ControlledJobs();
        final Map<Integer, CompletableFuture<JobResult>> followed = new ConcurrentHashMap<>();
        final List<JobRequest> asked = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<JobResult> launch(JobRequest request) {
            return launched.launch(request);
        }

        @Override
        public Optional<Reattached> reattach(JobRequest request, Map<String, Object> trialAttrs) {
            asked.add(request);
            Object id = trialAttrs.get(JOB_ATTR);
            if (id == null) {
                return Optional.empty();
            }
            CompletableFuture<JobResult> f = new CompletableFuture<>();
            followed.put(request.trial(), f);
            return Optional.of(new Reattached("job " + id, f));
        }

        void finishFollowed(int trial, double loss) throws InterruptedException {
            await("trial " + trial + " is followed", () -> followed.containsKey(trial));
            followed.get(trial).complete(new JobResult.Succeeded(Map.of("loss", loss), Duration.ZERO));
        }
    }

    private void create(int budget) {
        storeA.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 7, budget, "{}",
                clock.instant()));
    }

    private Trial startAs(InMemoryStudyStore store, double x, Map<String, Object> attrs) {
        Trial t = store.startTrial("s", new Proposal(Map.of("x", x), Provenance.of("gp", 1)), clock.instant());
        return attrs.isEmpty() ? t : store.putTrialAttrs("s", t.number(), attrs);
    }

    private StudyRun run() {
        return new StudyRun("s", ParallelOptimizerTest.JOB, FakeJobs.seeded("gp"), dir);
    }

    private Leasing leasing() {
        return new Leasing(GRACE, Duration.ofSeconds(59), Duration.ofMillis(10), null);
    }

    private static final class Notices implements OptimizerListener {
        final List<String> notices = new CopyOnWriteArrayList<>();
        final List<Integer> recovered = new CopyOnWriteArrayList<>();
        final List<Integer> started = new CopyOnWriteArrayList<>();

        @Override
        public void notice(String message) {
            notices.add(message);
        }

        @Override
        public void recovered(List<Trial> interrupted) {
            interrupted.forEach(t -> recovered.add(t.number()));
        }

        @Override
        public void trialStarted(Trial trial, int budget) {
            started.add(trial.number());
        }
    }

    @Test
    void a_worker_follows_a_silent_owners_job_reruns_what_it_cannot_follow_and_leaves_a_live_owners_trial_alone()
            throws Exception {
        create(6);
        startAs(storeA, 0.5, Map.of(JOB_ATTR, "111"));              // its job still runs on the cluster
        startAs(storeA, 1.0, Map.of());                             // the owner died before the job was started
        startAs(storeA, 1.5, Map.of("note", "no job here"));        // attributes, but no job to follow
        clock.advance(GRACE.plusSeconds(1));                        // A has been silent since
        startAs(storeC, -1.0, Map.of(JOB_ATTR, "333"));             // C is alive: its lease is fresh
        FollowingJobs jobs = new FollowingJobs();
        Notices seen = new Notices();

        CompletableFuture<RunOutcome> out = CompletableFuture.supplyAsync(() ->
                new Optimizer(storeB, jobs, clock, seen, leasing()).run(run().withParallel(2).asWorker()), pool);

        jobs.launched.awaitLaunched(1); // the re-run of trial 1 starts while trial 0's job is followed
        assertThat(jobs.asked).extracting(JobRequest::trial).containsExactly(0, 2);
        assertThat(jobs.followed).containsOnlyKeys(0);
        JobRequest followed = jobs.asked.get(0);
        assertThat(followed.params()).isEqualTo(Map.of("x", 0.5));
        assertThat(followed.workDir()).isEqualTo(dir.resolve("trial-0000"));
        assertThat(storeB.leases("s", clock.instant())).extracting(Lease::number, Lease::owner)
                .contains(org.assertj.core.groups.Tuple.tuple(0, B.toString()),
                        org.assertj.core.groups.Tuple.tuple(3, C.toString()));
        assertThat(seen.notices).singleElement().asString()
                .isEqualTo("Trial #0: re-attaching to job 111 (started by a run that stopped; not submitted again)");
        assertThat(seen.recovered).containsExactlyInAnyOrder(1, 2);

        jobs.finishFollowed(0, 0.5);
        await("trial 0 is stored", () -> storeA.trials("s").get(0).state() == TrialState.COMPLETE);
        jobs.launched.succeed(4, 1.0);
        jobs.launched.awaitLaunched(2);
        jobs.launched.succeed(5, 1.5);
        storeC.finishTrial("s", 3, dev.tuneagent.core.study.TrialOutcome.complete(-1.0, Map.of("loss", -1.0)),
                clock.instant());
        RunOutcome done = out.get(20, TimeUnit.SECONDS);

        assertThat(done.finished()).isTrue();
        assertThat(done.recovered()).isEqualTo(3);
        List<Trial> t = storeA.trials("s");
        assertThat(t).extracting(Trial::state).containsExactly(TrialState.COMPLETE, TrialState.FAILED,
                TrialState.FAILED, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(t.get(0).value()).isEqualTo(0.5);
        assertThat(t.get(0).attrs()).containsEntry(JOB_ATTR, "111");
        assertThat(t.get(1).message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        assertThat(t.get(2).message()).isEqualTo(Interruptions.FOUND_AT_RESUME);
        assertThat(TrialAttrs.rerunTargets(t)).containsExactly(1, 2);
        assertThat(jobs.launched.launched()).as("nothing but the two re-runs was launched").isEqualTo(2);
    }

    @Test
    void a_worker_follows_the_job_of_an_owner_that_goes_silent_while_it_runs() throws Exception {
        create(2);
        startAs(storeA, 0.5, Map.of(JOB_ATTR, "111")); // A is alive when B joins
        FollowingJobs jobs = new FollowingJobs();
        Notices seen = new Notices();
        CompletableFuture<RunOutcome> out = CompletableFuture.supplyAsync(() ->
                new Optimizer(storeB, jobs, clock, seen, leasing()).run(run().asWorker()), pool);
        jobs.launched.awaitLaunched(1);
        assertThat(jobs.asked).isEmpty();

        clock.advance(GRACE.plusSeconds(1)); // A stops heartbeating; B's next look takes its trial over

        jobs.finishFollowed(0, 0.25);
        jobs.launched.succeed(1, 2.0);
        RunOutcome done = out.get(20, TimeUnit.SECONDS);
        assertThat(done.finished()).isTrue();
        assertThat(done.recovered()).isEqualTo(1);
        assertThat(storeA.trials("s")).extracting(Trial::state, Trial::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TrialState.COMPLETE, 0.25),
                org.assertj.core.groups.Tuple.tuple(TrialState.COMPLETE, 2.0));
        assertThat(seen.recovered).isEmpty();
        assertThat(seen.started).containsExactly(1, 0);
    }

    @Test
    void where_a_job_runs_is_stored_with_its_trial_as_soon_as_the_launcher_says_so() throws Exception {
        create(1);
        ControlledJobs jobs = new ControlledJobs();
        List<dev.tuneagent.tools.job.JobStartListener> told = new CopyOnWriteArrayList<>();
        JobLauncher saying = new JobLauncher() {
            @Override
            public CompletableFuture<JobResult> launch(JobRequest request) {
                CompletableFuture<JobResult> f = jobs.launch(request);
                told.forEach(l -> l.started(request, Map.of(JOB_ATTR, "4711")));
                return f;
            }

            @Override
            public void onJobStarted(dev.tuneagent.tools.job.JobStartListener listener) {
                told.add(listener);
            }
        };
        CompletableFuture<RunOutcome> out = CompletableFuture.supplyAsync(() ->
                new Optimizer(storeB, saying, clock, null, leasing()).run(run()), pool);
        jobs.awaitLaunched(1);
        await("the launcher has told", () -> !storeA.trials("s").get(0).attrs().isEmpty());
        Trial running = storeA.trials("s").get(0);
        assertThat(running.state()).isEqualTo(TrialState.RUNNING);
        assertThat(running.attrs()).containsEntry(JOB_ATTR, "4711");
        jobs.succeed(0, 1.0);
        assertThat(out.get(20, TimeUnit.SECONDS).finished()).isTrue();
        assertThat(told).hasSize(1);
    }

    @Test
    void a_resume_follows_left_jobs_within_its_parallel_limit_and_ctrl_c_cancels_a_followed_job() throws Exception {
        create(3);
        startAs(storeA, 0.5, Map.of(JOB_ATTR, "111"));
        startAs(storeA, 1.0, Map.of(JOB_ATTR, "112"));
        clock.advance(GRACE.plusSeconds(1));
        FollowingJobs jobs = new FollowingJobs();
        Optimizer resume = new Optimizer(storeB, jobs, clock, null, leasing());
        CompletableFuture<RunOutcome> out = CompletableFuture.supplyAsync(() -> resume.run(run()), pool);

        jobs.finishFollowed(0, 0.5);
        await("trial 1 is followed", () -> jobs.followed.containsKey(1));
        await("trial 0 is stored", () -> storeA.trials("s").get(0).state() == TrialState.COMPLETE);
        assertThat(jobs.launched.launched()).as("parallel 1: both followed jobs occupy the run").isZero();
        resume.cancel();
        RunOutcome stopped = out.get(20, TimeUnit.SECONDS);

        assertThat(stopped.finished()).isFalse();
        assertThat(jobs.followed.get(1).isCancelled()).as("the cluster job is cancelled, not left unowned").isTrue();
        Trial t1 = storeA.trials("s").get(1);
        assertThat(t1.state()).isEqualTo(TrialState.FAILED);
        assertThat(t1.message()).isEqualTo(Interruptions.BY_USER);
        assertThat(jobs.launched.launched()).isZero();
    }
}
