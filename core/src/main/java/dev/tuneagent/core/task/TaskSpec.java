package dev.tuneagent.core.task;

import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param enqueue      configurations to evaluate first ({@code enqueue:}), enqueued when the study is created;
 *                     raw values, checked against the space by {@link QueuedConfigs} (never null)
 * @param pruner       stops hopeless trials early from their intermediate reports ({@link Pruner#NONE}: never)
 * @param resource     the study's budget in steps of intermediate reports (null: none); the study stops when
 *                     either this or {@code trials} is spent
 * @param gp           the Gaussian-process proposer's settings (never null; {@link GpSpec#defaults()} when absent)
 */
public record TaskSpec(String name, String metric, Direction direction, JobSpec job, SearchSpace space, int trials,
                       Long maxTokens, Double maxCostUsd, String proposer, long seed, LlmSpec llm, String description,
                       Path baseDir, List<Map<String, Object>> enqueue, Pruner pruner, Integer resource,
                       GpSpec gp) {

    public TaskSpec {
        enqueue = enqueue == null ? List.of() : enqueue.stream().map(m -> Collections.unmodifiableMap(
                new LinkedHashMap<>(m))).toList();
        pruner = pruner == null ? Pruner.NONE : pruner;
        gp = gp == null ? GpSpec.defaults() : gp;
    }

    /** A task without an {@code enqueue:} list, pruning, a resource budget or a {@code gp:} section. */
    public TaskSpec(String name, String metric, Direction direction, JobSpec job, SearchSpace space, int trials,
                    Long maxTokens, Double maxCostUsd, String proposer, long seed, LlmSpec llm, String description,
                    Path baseDir) {
        this(name, metric, direction, job, space, trials, maxTokens, maxCostUsd, proposer, seed, llm, description,
                baseDir, List.of(), Pruner.NONE, null, GpSpec.defaults());
    }

    public TaskSpec withEnqueue(List<Map<String, Object>> configs) {
        return new TaskSpec(name, metric, direction, job, space, trials, maxTokens, maxCostUsd, proposer, seed, llm,
                description, baseDir, configs, pruner, resource, gp);
    }
}
