package dev.tuneagent.tools.job;

import dev.tuneagent.core.task.JobSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * One trial to evaluate.
 *
 * @param objective the metric whose value becomes the trial's value (e.g. {@code accuracy})
 * @param seed      the trial's seed (for model randomness; differs between trials)
 * @param splitSeed the study's split seed: every trial of one study gets the same CV folds (common random
 *                  numbers), so two configurations are compared on identical splits
 * @param workDir   a directory owned by this trial (created by the caller)
 * @param reporter  receives intermediate reports and may stop the job (pruning); {@link Reporter#NONE} if unused
 */
public record JobRequest(String study, int trial, Map<String, Object> params, JobSpec spec, String objective,
                         long seed, long splitSeed, Path workDir, Reporter reporter) {
    public JobRequest {
        params = Map.copyOf(params);
        reporter = reporter == null ? Reporter.NONE : reporter;
    }

    /** A request whose intermediate reports nobody reads. */
    public JobRequest(String study, int trial, Map<String, Object> params, JobSpec spec, String objective,
                      long seed, long splitSeed, Path workDir) {
        this(study, trial, params, spec, objective, seed, splitSeed, workDir, Reporter.NONE);
    }

    /** The same request with its trial directory elsewhere (where an earlier run's job writes its logs). */
    public JobRequest withWorkDir(Path dir) {
        return new JobRequest(study, trial, params, spec, objective, seed, splitSeed, dir, reporter);
    }
}
