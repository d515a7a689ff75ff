package dev.tuneagent.core.task;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import java.nio.file.Path;

/**
 * A validated task file: everything needed to create (or resume) a study.
 *
 * @param metric       the objective's name (e.g. {@code accuracy}, {@code value})
 * @param space        the search space; null means "the model's default space" (inprocess jobs)
 * @param trials       the trial budget
 * @param maxTokens    study-wide cap on LLM tokens (null: none); past it the GP takes over
 * @param maxCostUsd   study-wide cap on estimated LLM cost in dollars (null: none)
 * @param proposer     proposer name: random, sobol, gp, llambo, llm-sampler, hybrid, llm-warmstart
 * @param llm          model settings (never null; fields may be null)
 * @param description  free text about the task, shown to the LLM in the data card (may be null)
 * @param baseDir      the task file's directory: relative paths in the task resolve against it
 * @param gp           the Gaussian-process proposer's settings (never null; {@link GpSpec#defaults()} when absent)
 */
public record TaskSpec(String name, String metric, Direction direction, JobSpec job, SearchSpace space, int trials,
                       Long maxTokens, Double maxCostUsd, String proposer, long seed, LlmSpec llm, String description,
                       Path baseDir, GpSpec gp) {

    public TaskSpec {
        gp = gp == null ? GpSpec.defaults() : gp;
    }

    /** A task without a {@code gp:} section (the GP's defaults). */
    public TaskSpec(String name, String metric, Direction direction, JobSpec job, SearchSpace space, int trials,
                    Long maxTokens, Double maxCostUsd, String proposer, long seed, LlmSpec llm, String description,
                    Path baseDir) {
        this(name, metric, direction, job, space, trials, maxTokens, maxCostUsd, proposer, seed, llm, description,
                baseDir, GpSpec.defaults());
    }
}
