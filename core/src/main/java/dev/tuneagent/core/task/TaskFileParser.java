package dev.tuneagent.core.task;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.config.YamlTree;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.space.SearchSpaceCodec;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyNames;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a task file (YAML, or JSON when the name ends in {@code .json}) into a {@link TaskSpec}.
 * Structure only: names of models, data sets and proposers are checked later against what exists.
 * Strict: the first problem found becomes one {@link ConfigException} naming its path.
 */
public final class TaskFileParser {
    public static final String DEFAULT_PROPOSER = "gp";
    public static final int DEFAULT_FOLDS = 5;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    static final List<String> TOP = List.of("name", "objective", "job", "space", "budget", "proposer", "seed", "llm",
            "description", "enqueue", "pruner", "gp", "defaults");
    private static final List<String> OBJECTIVE = List.of("metric", "direction");
    private static final List<String> INPROCESS = List.of("type", "dataset", "model", "folds", "target");
    private static final List<String> COMMAND = List.of("type", "argv", "timeout", "metric", "workdir");
    private static final List<String> BUDGET = List.of("trials", "max_tokens", "max_cost_usd", "resource",
            "parallel");

    private final ObjectMapper json = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** Reads a task file; relative paths inside resolve against its directory. */
    public TaskSpec parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "task file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigException("", "task file " + file + " is not UTF-8 text (a binary file?); expected a YAML or"
                    + " JSON task file");
        } catch (IOException e) {
            throw new ConfigException("", "cannot read task file " + file + ": " + e.getMessage());
        }
        boolean isJson = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Path dir = file.toAbsolutePath().normalize().getParent();
        return parse(text, dir, isJson);
    }

    /** Reads task-file text; {@code baseDir} is where relative paths resolve. */
    public TaskSpec parse(String text, Path baseDir, boolean isJson) {
        JsonNode root;
        try {
            root = isJson ? json.readTree(text) : YamlTree.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ConfigException("", "the task file is not valid " + (isJson ? "JSON" : "YAML") + where + ": " + why);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw new ConfigException("", "the task file is empty; expected a mapping with keys " + TOP);
        }
        return read(root, baseDir.toAbsolutePath().normalize());
    }

    TaskSpec read(JsonNode root, Path baseDir) {
        Fields top = Fields.mapping(root, "", TOP);
        String name = top.text("name");
        StudyNames.problem(name).ifPresent(p -> {
            throw new ConfigException("name", p);
        });
        top.require("objective", "a mapping {metric: ..., direction: minimize|maximize}");
        Fields objective = Fields.mapping(top.raw("objective"), "objective", OBJECTIVE);
        String metric = objective.text("metric");
        objective.require("direction", "minimize or maximize");
        JsonNode dir = objective.raw("direction");
        Direction direction = Direction.parse("objective.direction", dir.isTextual() ? dir.asText() : dir.toString());

        top.require("job", "a mapping starting with type: inprocess, type: command or type: slurm");
        JobSpec job = readJob(top.raw("job"), metric, baseDir);

        SearchSpace space = top.has("space") ? SearchSpaceCodec.read(top.raw("space"), "space") : null;
        if (space == null && !(job instanceof InProcessJobSpec)) {
            throw new ConfigException("space", "missing; a " + job.type() + " job has no default search space, declare "
                    + "parameters such as x: {type: float, low: -5, high: 5}");
        }

        top.require("budget", "a mapping such as {trials: 30}");
        Fields budget = Fields.mapping(top.raw("budget"), "budget", BUDGET);
        long trials = budget.integer("trials", 1);
        if (trials > 1_000_000) {
            throw ConfigException.of("budget.trials", trials, "at most 1000000");
        }
        Long maxTokens = budget.has("max_tokens") ? budget.integerOr("max_tokens", 1, 0) : null;
        Double maxCost = budget.numberAbove("max_cost_usd", 0);
        long parallel = budget.integerOr("parallel", 1, 1);
        if (parallel > 1024) {
            throw ConfigException.of("budget.parallel", parallel, "at most 1024 trials running at once");
        }

        String proposer = top.has("proposer") ? top.textOrNull("proposer").toLowerCase(Locale.ROOT) : DEFAULT_PROPOSER;
        long seed = top.integerOr("seed", 0, 0);
        LlmSpec llm = top.has("llm") ? LlmSection.read(top.raw("llm"), baseDir) : LlmSpec.empty();
        String description = top.has("description") ? top.textOrNull("description") : null;
        GpSpec gp = top.has("gp") ? GpSection.read(top.raw("gp")) : GpSpec.defaults();
        List<Map<String, Object>> enqueue = top.has("enqueue") ? QueuedConfigs.read(top.raw("enqueue"), "enqueue")
                : List.of();
        if (space != null) {
            QueuedConfigs.validate(space, enqueue, "enqueue");
        }
        Integer steps = job instanceof InProcessJobSpec in ? in.folds() : null;
        Pruner pruner = top.has("pruner") ? PrunerSection.read(top.raw("pruner"), steps) : Pruner.NONE;
        Integer resource = null;
        if (budget.has("resource")) {
            long r = budget.integer("resource", 1);
            if (r > 1_000_000_000L) {
                throw ConfigException.of("budget.resource", r, "at most 1000000000");
            }
            if (steps != null && r < steps) {
                throw ConfigException.of("budget.resource", r, "at least one trial's steps (" + steps + ": each "
                        + "of the job's folds is a step)");
            }
            resource = (int) r;
        }
        if (top.has("defaults")) {
            TaskDefaults.check(top.raw("defaults"), space); // read by the eval harness only; checked here, early
        }
        return new TaskSpec(name, metric, direction, job, space, (int) trials, maxTokens, maxCost, proposer, seed, llm,
                description, baseDir, enqueue, pruner, resource, gp, (int) parallel);
    }

    private static JobSpec readJob(JsonNode node, String objectiveMetric, Path baseDir) {
        if (node == null || !node.isObject()) {
            throw ConfigException.of("job", Fields.shown(node), "a mapping starting with type: inprocess, type: command or type: slurm");
        }
        JsonNode type = node.get("type");
        String typeText = type == null || !type.isTextual() ? null : type.asText();
        if ("inprocess".equals(typeText)) {
            Fields job = Fields.mapping(node, "job", INPROCESS);
            String dataset = job.text("dataset");
            if (Paths.looksLikePath(dataset)) {
                dataset = baseDir.resolve(dataset).normalize().toString();
            }
            String model = job.text("model").toLowerCase(Locale.ROOT);
            int folds = (int) job.integerOr("folds", 2, DEFAULT_FOLDS);
            if (folds > 50) {
                throw ConfigException.of("job.folds", folds, "an integer between 2 and 50");
            }
            return new InProcessJobSpec(dataset, model, folds, job.textOrNull("target"));
        }
        if ("command".equals(typeText)) {
            Fields job = Fields.mapping(node, "job", COMMAND);
            List<String> argv = Paths.argv(job.raw("argv"), "job.argv", baseDir);
            Duration timeout = job.durationOrNull("timeout");
            String metric = job.has("metric") ? job.textOrNull("metric") : objectiveMetric;
            Path workdir = job.has("workdir") ? baseDir.resolve(job.textOrNull("workdir")).normalize() : null;
            return new CommandJobSpec(argv, timeout == null ? DEFAULT_TIMEOUT : timeout, metric, workdir);
        }
        if ("slurm".equals(typeText)) {
            return SlurmSection.read(node, objectiveMetric, baseDir);
        }
        throw ConfigException.of("job.type", type == null ? null : Fields.shown(type), "inprocess, command or slurm");
    }
}
