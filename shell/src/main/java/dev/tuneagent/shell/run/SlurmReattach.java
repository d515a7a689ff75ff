package dev.tuneagent.shell.run;

import dev.tuneagent.agent.loop.Outcomes;
import dev.tuneagent.core.store.Lease;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobResults;
import dev.tuneagent.tools.slurm.SlurmJobLauncher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What {@code resume} does first for a Slurm study: a trial left RUNNING by a {@code tune} that was killed
 * has its job id ({@value SlurmJobLauncher#ATTR}); its job may still be pending or running on the cluster,
 * or may have finished meanwhile. Each such job is followed to its end and its result stored, instead of
 * the trial being failed and the configuration submitted again. Only trials whose lease is stale are taken:
 * a RUNNING trial of a live worker (fresh heartbeat) is that worker's to finish, never re-attached here.
 * Trials without a job id are left to the loop (which fails them as found RUNNING at resume).
 */
final class SlurmReattach {
    private SlurmReattach() {
    }

    /**
     * Collects the results of the study's abandoned Slurm jobs (RUNNING, with a job id, lease stale after
     * {@code grace}); returns how many trials it finished.
     */
    static int collect(StudyStore store, TaskSpec task, Path studyDir, Supplier<SlurmJobLauncher> launchers,
                       Duration grace, Clock clock, PrintStream out) throws InterruptedException {
        if (!(task.job() instanceof SlurmJobSpec spec)) {
            return 0;
        }
        Set<Integer> abandoned = abandoned(store, task.name(), grace, clock);
        List<Trial> orphans = store.trials(task.name()).stream()
                .filter(t -> t.state() == TrialState.RUNNING && TrialAttrs.string(t, SlurmJobLauncher.ATTR) != null)
                .filter(t -> abandoned.contains(t.number()))
                .toList();
        if (orphans.isEmpty()) {
            return 0;
        }
        try (SlurmJobLauncher launcher = launchers.get()) {
            List<CompletableFuture<JobResult>> jobs = new ArrayList<>();
            for (Trial t : orphans) {
                String id = TrialAttrs.string(t, SlurmJobLauncher.ATTR);
                out.println("Trial #" + t.number() + ": re-attaching to Slurm job " + id
                        + " (submitted before tune stopped; not submitted again)");
                Path dir = studyDir.resolve(String.format("trial-%04d", t.number()));
                jobs.add(launcher.attach(new JobRequest(task.name(), t.number(), t.params(), spec, task.metric(), 0, 0,
                        dir), id));
            }
            out.flush();
            for (int i = 0; i < orphans.size(); i++) {
                Trial t = orphans.get(i);
                TrialOutcome outcome = Outcomes.of(JobResults.await(jobs.get(i)), task.metric(), false);
                Trial done = store.finishTrial(task.name(), t.number(), outcome, clock.instant());
                out.println("Trial #" + t.number() + ": " + done.state()
                        + (done.value() != null ? " " + task.metric() + "=" + done.value() : "")
                        + (done.message() != null ? " (" + done.message().lines().findFirst().orElse("") + ")" : ""));
            }
            out.flush();
            return orphans.size();
        }
    }

    /** Numbers of the RUNNING trials whose owner is gone (stale lease or a dead process of this host). */
    private static Set<Integer> abandoned(StudyStore store, String study, Duration grace, Clock clock) {
        return store.leases(study, clock.instant()).stream().filter(l -> l.isStale(grace)).map(Lease::number)
                .collect(Collectors.toSet());
    }
}
