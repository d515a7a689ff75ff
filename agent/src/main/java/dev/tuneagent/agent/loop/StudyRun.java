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
 */
public record StudyRun(String study, JobSpec job, Proposer proposer, Path studyDir, Pruner pruner, Integer resource) {

    public StudyRun {
        proposer = FallbackChain.around(proposer);
        pruner = pruner == null ? Pruner.NONE : pruner;
    }

    public StudyRun(String study, JobSpec job, Proposer proposer, Path studyDir) {
        this(study, job, proposer, studyDir, Pruner.NONE, null);
    }
}
