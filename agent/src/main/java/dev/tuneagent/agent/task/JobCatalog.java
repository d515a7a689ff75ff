package dev.tuneagent.agent.task;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.task.InProcessJobSpec;

/**
 * What the task loader needs to know about in-process training: which data sets, models and metrics
 * exist, and each model's default search space. Backed by the tools module's catalog; tests use fakes.
 */
public interface JobCatalog {

    /**
     * Throws a {@code ConfigException} naming {@code job.model}, {@code job.dataset}, {@code objective.metric}
     * or a {@code space.*} path, listing the valid choices, when the job cannot run.
     *
     * @param space the user's search space, or null to check only the job
     */
    void validate(InProcessJobSpec job, String metric, SearchSpace space);

    /** The model's default search space for this job (the job is already validated). */
    SearchSpace defaultSpace(InProcessJobSpec job, String metric);
}
