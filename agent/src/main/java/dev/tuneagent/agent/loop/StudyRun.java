package dev.tuneagent.agent.loop;

import dev.tuneagent.agent.proposers.FallbackChain;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.task.JobSpec;
import java.nio.file.Path;

/**
 * What one {@link Optimizer#run} needs besides the store: the study (already created), how to evaluate a
 * trial, who proposes, and where trials get their directories. The proposer always runs inside a
 * {@link FallbackChain} (added here when the caller passed a bare one), the one place a failed proposal is handled.
 *
 * @param studyDir each trial works in {@code studyDir/trial-NNNN}
 * @param pruner   stops hopeless trials from their intermediate reports ({@link Pruner#NONE}: never)
 * @param resource the study's budget in report steps, or null (see {@link Resources})
 * @param parallel how many trials this run keeps running at once (at least 1)
 * @param worker   true to join a study other processes may be running ({@code tune worker}); false for a plain
 *                 run or resume, which refuses a study another live process runs (see {@link Leases})
 */
public record StudyRun(String study, JobSpec job, Proposer proposer, Path studyDir, Pruner pruner, Integer resource,
                       int parallel, boolean worker) {

    public StudyRun {
        proposer = FallbackChain.around(proposer);
        pruner = pruner == null ? Pruner.NONE : pruner;
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
    }

    public StudyRun(String study, JobSpec job, Proposer proposer, Path studyDir, Pruner pruner, Integer resource) {
        this(study, job, proposer, studyDir, pruner, resource, 1, false);
    }

    public StudyRun(String study, JobSpec job, Proposer proposer, Path studyDir) {
        this(study, job, proposer, studyDir, Pruner.NONE, null);
    }

    public StudyRun withParallel(int k) {
        return new StudyRun(study, job, proposer, studyDir, pruner, resource, k, worker);
    }

    /** The same run joining the study as one of its workers. */
    public StudyRun asWorker() {
        return new StudyRun(study, job, proposer, studyDir, pruner, resource, parallel, true);
    }
}
