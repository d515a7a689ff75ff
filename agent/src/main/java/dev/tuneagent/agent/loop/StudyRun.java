package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.task.JobSpec;
import java.nio.file.Path;

/**
 * What one {@link Optimizer#run} needs besides the store: the study (already created), how to evaluate a
 * trial, who proposes, who takes over when the proposer fails, and where trials get their directories.
 *
 * @param studyDir each trial works in {@code studyDir/trial-NNNN}
 */
public record StudyRun(String study, JobSpec job, Proposer proposer, Proposer fallback, Path studyDir) {
}
