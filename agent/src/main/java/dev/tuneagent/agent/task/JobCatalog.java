package dev.tuneagent.agent.task;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.task.InProcessJobSpec;

/**
 * What the task loader needs to know about in-process training: which data sets, models and metrics
 * exist, and each model's default search space. Backed by the tools module's catalog.
 */
public interface JobCatalog {

    /** Throws a {@code ConfigException} naming {@code job.model}, {@code job.dataset} or {@code objective.metric}
     *  and listing the valid choices when the job cannot run. */
    void validate(InProcessJobSpec job, String metric);

    /** The model's default search space (the model name is already validated). */
    SearchSpace defaultSpace(String model);
}
