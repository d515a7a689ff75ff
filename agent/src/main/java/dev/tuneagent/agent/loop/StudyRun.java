package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.task.JobSpec;
import java.nio.file.Path;

/**
 * What one {@link Optimizer#run} needs besides the store: the study (already created), how to evaluate a
 * trial, who proposes, who takes over when the proposer fails, and where trials get their directories.
 *
 * @param studyDir each trial works in {@code studyDir/trial-NNNN}
 * @param pruner   stops hopeless trials from their intermediate reports ({@link Pruner#NONE}: never)
 * @param resource the study's budget in report steps, or null (see {@link Resources})
 */
public record StudyRun(String study, JobSpec job, Proposer proposer, Proposer fallback, Path studyDir, Pruner pruner,
                       Integer resource) {

    public StudyRun {
        pruner = pruner == null ? Pruner.NONE : pruner;
    }

    public StudyRun(String study, JobSpec job, Proposer proposer, Proposer fallback, Path studyDir) {
        this(study, job, proposer, fallback, studyDir, Pruner.NONE, null);
    }
}
