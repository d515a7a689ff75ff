package dev.tuneagent.tools.job;

import java.util.Map;

/**
 * Told, as soon as a launcher has started a trial's job, where that job runs: trial attributes (JSON values) the
 * caller stores with the trial, so that a run that takes the trial over after its owner died can find the job
 * again: a Slurm job id to re-attach to, or a local process to end before the trial runs again.
 */
@FunctionalInterface
public interface JobStartListener {
    JobStartListener NONE = (request, attrs) -> { };

    void started(JobRequest request, Map<String, Object> attrs);
}
