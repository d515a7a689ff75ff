package dev.tuneagent.core.task;

import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated task file: everything needed to create (or resume) a study. Build one in code with
 * {@link #builder}; change one with {@link #toBuilder()}.
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
 * @param parallel     how many trials one run keeps running at once ({@code budget.parallel}, at least 1)
 */
public record TaskSpec(String name, String metric, Direction direction, JobSpec job, SearchSpace space, int trials,
                       Long maxTokens, Double maxCostUsd, String proposer, long seed, LlmSpec llm, String description,
                       Path baseDir, List<Map<String, Object>> enqueue, Pruner pruner, Integer resource,
                       GpSpec gp, int parallel) {

    public TaskSpec {
        llm = llm == null ? LlmSpec.empty() : llm;
        enqueue = enqueue == null ? List.of() : enqueue.stream().map(m -> Collections.unmodifiableMap(
                new LinkedHashMap<>(m))).toList();
        pruner = pruner == null ? Pruner.NONE : pruner;
        gp = gp == null ? GpSpec.defaults() : gp;
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
    }

    public TaskSpec withEnqueue(List<Map<String, Object>> configs) {
        return toBuilder().enqueue(configs).build();
    }

    /** A task with the defaults of a task file that gives only the required fields (gp, seed 0, one trial). */
    public static Builder builder(String name, String metric, Direction direction, JobSpec job) {
        return new Builder(name, metric, direction, job);
    }

    public Builder toBuilder() {
        return new Builder(name, metric, direction, job).space(space).trials(trials).maxTokens(maxTokens)
                .maxCostUsd(maxCostUsd).proposer(proposer).seed(seed).llm(llm).description(description).baseDir(baseDir)
                .enqueue(enqueue).pruner(pruner).resource(resource).gp(gp).parallel(parallel);
    }

    /** Builds a {@link TaskSpec}; the optional fields start at a task file's defaults. */
    public static final class Builder {
        private String name;
        private final String metric;
        private final Direction direction;
        private final JobSpec job;
        private SearchSpace space;
        private int trials = 1;
        private Long maxTokens;
        private Double maxCostUsd;
        private String proposer = TaskFileParser.DEFAULT_PROPOSER;
        private long seed;
        private LlmSpec llm = LlmSpec.empty();
        private String description;
        private Path baseDir = Path.of("").toAbsolutePath();
        private List<Map<String, Object>> enqueue = List.of();
        private Pruner pruner = Pruner.NONE;
        private Integer resource;
        private GpSpec gp = GpSpec.defaults();
        private int parallel = 1;

        private Builder(String name, String metric, Direction direction, JobSpec job) {
            this.name = name;
            this.metric = Objects.requireNonNull(metric, "metric");
            this.direction = Objects.requireNonNull(direction, "direction");
            this.job = job;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder space(SearchSpace space) {
            this.space = space;
            return this;
        }

        public Builder trials(int trials) {
            this.trials = trials;
            return this;
        }

        public Builder maxTokens(Long maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder maxCostUsd(Double maxCostUsd) {
            this.maxCostUsd = maxCostUsd;
            return this;
        }

        public Builder proposer(String proposer) {
            this.proposer = proposer;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder llm(LlmSpec llm) {
            this.llm = llm;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder baseDir(Path baseDir) {
            this.baseDir = baseDir;
            return this;
        }

        public Builder enqueue(List<Map<String, Object>> enqueue) {
            this.enqueue = enqueue;
            return this;
        }

        public Builder pruner(Pruner pruner) {
            this.pruner = pruner;
            return this;
        }

        public Builder resource(Integer resource) {
            this.resource = resource;
            return this;
        }

        public Builder gp(GpSpec gp) {
            this.gp = gp;
            return this;
        }

        public Builder parallel(int parallel) {
            this.parallel = parallel;
            return this;
        }

        public TaskSpec build() {
            return new TaskSpec(name, metric, direction, job, space, trials, maxTokens, maxCostUsd, proposer, seed, llm,
                    description, baseDir, enqueue, pruner, resource, gp, parallel);
        }
    }
}
