package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskFileParser;
import dev.tuneagent.core.task.TaskFileWriter;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a task built in conversation (by the model or the wizard) into a runnable {@link TaskSpec}: the same
 * {@link TaskFileParser} and {@link TaskLoader} checks as a task file, plus what only a person may decide. The
 * model may not run programs ({@code job.type} other than {@code inprocess}), point the LLM layer elsewhere
 * ({@code llm:}, which could send a key or prompts to another server), read files outside the folder, or ask for
 * an unreasonable budget.
 */
public final class AgentTasks {
    /** A task file allows up to a million trials; a sentence that asks for more than this is surely a mistake. */
    public static final int MAX_TRIALS = 1000;

    private final TaskFileParser parser = new TaskFileParser();
    private final TaskLoader loader;
    private final Workspace workspace;
    public AgentTasks(TaskLoader loader, Workspace workspace) {
        this.loader = loader;
        this.workspace = workspace;
    }

    public Workspace workspace() {
        return workspace;
    }

    /**
     * @throws ToolRefusal      for what the agent may not do
     * @throws ConfigException  the task-file parser's own path-named message
     */
    public TaskSpec parse(JsonNode task) {
        if (task == null || !task.isObject()) {
            throw new ToolRefusal("task: expected a JSON object in the task-file schema, e.g. {\"name\": \"rf-wine\", "
                    + "\"objective\": {\"metric\": \"accuracy\", \"direction\": \"maximize\"}, \"job\": {\"type\": "
                    + "\"inprocess\", \"dataset\": \"wine\", \"model\": \"random-forest\"}, \"budget\": {\"trials\": 30}}");
        }
        ObjectNode t = task.deepCopy();
        JsonNode job = t.get("job");
        if (job != null && job.isObject() && job.has("type") && !"inprocess".equals(job.path("type").asText())) {
            throw new ToolRefusal("job.type: got \"" + job.path("type").asText() + "\", but a task built in conversation "
                    + "can only be inprocess (a bundled model trained on a bundled data set or a CSV in this folder). "
                    + "Command and Slurm jobs run programs: only a task file written by a person can start them.");
        }
        if (t.has("llm")) {
            throw new ToolRefusal("llm: a task built in conversation cannot set model settings (model, base_url, "
                    + "cassette); LLM proposers use the model this conversation runs with. Remove llm.");
        }
        if (job != null && job.isObject() && job.path("dataset").isTextual()) {
            String dataset = job.path("dataset").asText();
            if (looksLikePath(dataset)) {
                Path file = workspace.resolve(dataset);
                ((ObjectNode) job).put("dataset", workspace.relative(file));
            }
        }
        JsonNode budget = t.path("budget").path("trials");
        if (budget.isIntegralNumber() && budget.asLong() > MAX_TRIALS) {
            throw new ToolRefusal("budget.trials: got " + budget.asText() + ", expected at most " + MAX_TRIALS
                    + " for a task built in conversation (each trial trains a model; 20 to 100 is typical). A task file "
                    + "written by hand may ask for more.");
        }
        // A name already taken in the store is not the model's problem: whoever starts the study picks a free one, so
        // the tool results (and thus a recorded conversation) do not depend on what the store holds.
        return loader.complete(parser.parse(t.toString(), workspace.root(), true));
    }

    /** The task as a task file for this folder: a CSV path relative to it, so the file can be moved with the data. */
    public String yaml(TaskSpec spec) {
        ObjectNode root = TaskFileWriter.write(spec);
        if (spec.job() instanceof InProcessJobSpec in && looksLikePath(in.dataset())) {
            Path p = Path.of(in.dataset());
            if (p.isAbsolute() && p.normalize().startsWith(workspace.root())) {
                ((ObjectNode) root.get("job")).put("dataset", workspace.relative(p));
            }
        }
        return TaskYaml.write(root);
    }

    static boolean looksLikePath(String dataset) {
        return dataset.contains("/") || dataset.contains("\\") || dataset.toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
