package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.tuneagent.core.task.TaskSpec;
import java.util.List;
import java.util.function.Consumer;

/** {@code validate_task} and {@code start_study}: a task in the task-file schema, checked like a file. */
final class TaskTools {
    private final AgentTasks tasks;
    private final StudyGate gate;
    private final Consumer<TaskSpec> validated;
    private final Consumer<StudyGate.Decision> decided;

    /**
     * @param validated told of every task that passed validation (the conversation keeps the last one)
     * @param decided   told of the gate's decision for a start_study call
     */
    TaskTools(AgentTasks tasks, StudyGate gate, Consumer<TaskSpec> validated, Consumer<StudyGate.Decision> decided) {
        this.tasks = tasks;
        this.gate = gate;
        this.validated = validated;
        this.decided = decided;
    }

    static JsonObjectSchema taskArgument() {
        JsonObjectSchema task = JsonObjectSchema.builder()
                .description("A task in the task-file schema: name, objective {metric, direction}, job {type: "
                        + "inprocess, dataset, model, folds, target}, optional space {PARAM: {type, low, high, log} "
                        + "or {type: categorical, choices}}, budget {trials}, optional proposer and seed. Omit space "
                        + "to use the model's default space.")
                .addStringProperty("name", "the study name: letters, digits, _ - .")
                .addProperty("objective", JsonObjectSchema.builder()
                        .addStringProperty("metric").addEnumProperty("direction", List.of("maximize", "minimize"))
                        .required("metric", "direction").build())
                .addProperty("job", JsonObjectSchema.builder()
                        .addEnumProperty("type", List.of("inprocess"))
                        .addStringProperty("dataset", "a bundled data set name or a CSV path in the working directory")
                        .addStringProperty("model").addIntegerProperty("folds")
                        .addStringProperty("target", "the target column (CSV files only)")
                        .required("type", "dataset", "model").build())
                .addProperty("space", JsonObjectSchema.builder().additionalProperties(true).build())
                .addProperty("budget", JsonObjectSchema.builder().addIntegerProperty("trials").required("trials").build())
                .addStringProperty("proposer", "gp (default), sobol, random, or an LLM proposer")
                .addIntegerProperty("seed")
                .required("name", "objective", "job", "budget")
                .build();
        return JsonObjectSchema.builder().addProperty("task", task).required("task").build();
    }

    List<AgentTool> tools() {
        return List.of(
                new AgentTool(ToolSpecification.builder().name("validate_task")
                        .description("Checks a task exactly like a task file. Returns the normalized task as YAML, or "
                                + "the parser's error naming the field to fix.")
                        .parameters(taskArgument()).build(), this::validate),
                new AgentTool(ToolSpecification.builder().name("start_study")
                        .description("Validates the task, shows it to the user and starts the study if the user says "
                                + "yes. Call it once the task is valid and the user asked to run it.")
                        .parameters(taskArgument()).build(), this::start));
    }

    private TaskSpec parse(JsonNode args, String tool) {
        ToolArgs.only(args, tool, "task");
        if (!args.has("task")) {
            throw new ToolRefusal(tool + ": missing argument task (a JSON object in the task-file schema)");
        }
        TaskSpec spec = tasks.parse(args.get("task"));
        validated.accept(spec);
        return spec;
    }

    private String validate(JsonNode args) {
        TaskSpec spec = parse(args, "validate_task");
        return "valid. Normalized task (default search space filled in):\n" + tasks.yaml(spec);
    }

    private String start(JsonNode args) {
        TaskSpec spec = parse(args, "start_study");
        StudyGate.Decision d = gate.start(spec, tasks.yaml(spec));
        decided.accept(d);
        if (d instanceof StudyGate.Started s) {
            return s.report();
        }
        if (d instanceof StudyGate.Declined n) {
            return "not started: " + n.reason();
        }
        return ((StudyGate.Deferred) d).note();
    }
}
