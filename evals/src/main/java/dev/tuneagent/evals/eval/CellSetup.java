package dev.tuneagent.evals.eval;

import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.job.JobLauncher;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * What one cell runs.
 *
 * @param task      the study's task (space, direction, metric, job, description for the LLM's data card)
 * @param launcher  evaluates its trials (closed by the cell)
 * @param own       maps a value the study was told back to the task's own scale (identity except anonymized
 *                  test functions)
 * @param minimum   the known global minimum (test functions), else null
 * @param view      {@code anonymized} or {@code plain} for test functions, else null
 * @param defaults  the task's default configuration, or null when it has none
 * @param noDefault why there is no default configuration (when {@code defaults} is null)
 */
public record CellSetup(TaskSpec task, JobLauncher launcher, DoubleUnaryOperator own, Double minimum, String view,
                        Map<String, Object> defaults, String noDefault) {
}
