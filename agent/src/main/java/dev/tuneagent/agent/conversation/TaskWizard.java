package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.data.BundledDataset;
import dev.tuneagent.tools.data.TaskKind;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.inprocess.Metric;
import dev.tuneagent.tools.inprocess.ModelDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guided way to a task without a model: data set, target column, task kind, metric, model and budget, each with
 * a default in brackets (Enter takes it). It builds the same task JSON the agent would and checks it with the same
 * {@link AgentTasks}; a problem is shown and the questions start again with the answers given as defaults.
 */
public final class TaskWizard {
    /**
     * The answers, reused as defaults when the person asks to edit the task.
     *
     * @param folds not asked: 5, or fewer for a CSV too small for 5 folds of 2 rows
     */
    public record Answers(String dataset, String target, TaskKind kind, String metric, String model, int trials,
                          int folds) {
    }

    private final AgentTasks tasks;
    private final InProcessCatalog catalog;
    private final Prompter io;

    public TaskWizard(AgentTasks tasks, InProcessCatalog catalog, Prompter io) {
        this.tasks = tasks;
        this.catalog = catalog;
        this.io = io;
    }

    /** Asks until a valid task comes out; empty when the person ended the input. */
    public Optional<Result> run(Answers previous) {
        Answers defaults = previous;
        while (true) {
            Optional<Answers> a = ask(defaults);
            if (a.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Result(tasks.parse(json(a.get())), a.get()));
            } catch (ConfigException | ToolRefusal e) {
                io.say("That task does not work: " + e.getMessage());
                io.say("Let's try again; your answers are the defaults now.");
                defaults = a.get();
            }
        }
    }

    public record Result(TaskSpec task, Answers answers) {
    }

    private Optional<Answers> ask(Answers d) {
        List<String> csv = tasks.workspace().csvFiles();
        io.say("Bundled data sets: " + String.join(", ", BundledDataset.names())
                + (csv.isEmpty() ? " (no CSV files in this folder)" : "; CSV files here: " + String.join(", ", csv)));
        String dataset = choose("Data set", d != null ? d.dataset() : csv.isEmpty() ? "wine" : csv.get(0), null);
        if (dataset == null) {
            return Optional.empty();
        }
        Optional<BundledDataset> bundled = BundledDataset.named(dataset);
        String target;
        TaskKind kind;
        int folds = 5;
        if (bundled.isPresent()) {
            target = null;
            kind = bundled.get().kind();
            io.say("Target column: " + bundled.get().target() + " (" + kind.lower() + "; fixed for a bundled data set)");
        } else {
            JsonNode glance;
            try {
                glance = CsvGlance.glance(tasks.workspace().resolve(dataset), dataset);
            } catch (ToolRefusal r) {
                io.say(r.getMessage() + ". Enter a bundled name or a CSV file in this folder.");
                return ask(d);
            }
            folds = Math.max(2, Math.min(5, glance.path("rows").asInt() / 2));
            List<String> columns = new ArrayList<>();
            glance.path("column_details").forEach(c -> columns.add(c.path("name").asText()));
            JsonNode first = glance.path("target_candidates").path(0);
            String guess = d != null && d.target() != null && columns.contains(d.target()) ? d.target()
                    : first.isMissingNode() ? columns.get(columns.size() - 1) : first.path("column").asText();
            io.say("Columns: " + String.join(", ", columns));
            target = choose("Target column", guess, columns);
            if (target == null) {
                return Optional.empty();
            }
            String kindGuess = "classification";
            for (JsonNode c : glance.path("target_candidates")) {
                if (c.path("column").asText().equals(target)) {
                    kindGuess = c.path("task").asText();
                }
            }
            String k = choose("Task kind", d != null && d.kind() != null && target.equals(d.target()) ? d.kind().lower()
                    : kindGuess, List.of("classification", "regression"));
            if (k == null) {
                return Optional.empty();
            }
            kind = TaskKind.valueOf(k.toUpperCase(Locale.ROOT));
        }
        List<String> metrics = Metric.forKind(kind).stream().map(Metric::key).toList();
        String metric = choose("Metric", d != null && metrics.contains(d.metric()) ? d.metric() : metrics.get(0), metrics);
        if (metric == null) {
            return Optional.empty();
        }
        List<String> models = catalog.models().stream().filter(m -> m.supports(kind)).map(ModelDef::name).toList();
        String model = choose("Model", d != null && models.contains(d.model()) ? d.model() : "random-forest", models);
        if (model == null) {
            return Optional.empty();
        }
        Integer trials = trials(d == null ? 30 : d.trials());
        if (trials == null) {
            return Optional.empty();
        }
        return Optional.of(new Answers(dataset, target, kind, metric, model, trials, folds));
    }

    /** One question; with {@code choices}, only those are accepted (the list is shown). Null: input ended. */
    private String choose(String what, String fallback, List<String> choices) {
        String shown = what + (choices == null ? "" : " (" + String.join(", ", choices) + ")") + " [" + fallback + "]: ";
        while (true) {
            String a = io.ask(shown);
            if (a == null) {
                return null;
            }
            String answer = a.isBlank() ? fallback : a.strip();
            if (choices == null || choices.contains(answer)) {
                return answer;
            }
            io.say("\"" + answer + "\" is not one of " + String.join(", ", choices) + ".");
        }
    }

    private Integer trials(int fallback) {
        while (true) {
            String a = io.ask("Budget: how many trials (1-" + AgentTasks.MAX_TRIALS + ") [" + fallback + "]: ");
            if (a == null) {
                return null;
            }
            if (a.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(a.strip());
                if (n >= 1 && n <= AgentTasks.MAX_TRIALS) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            io.say("\"" + a.strip() + "\" is not a number of trials between 1 and " + AgentTasks.MAX_TRIALS + ".");
        }
    }

    static ObjectNode json(Answers a) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        String stem = a.dataset().replaceAll(".*[/\\\\]", "").replaceAll("(?i)\\.csv$", "");
        t.put("name", (a.model() + "-" + stem).replaceAll("[^A-Za-z0-9_.-]", "-"));
        t.putObject("objective").put("metric", a.metric()).put("direction", Metric.parse(a.metric()).orElseThrow()
                .direction().lower());
        ObjectNode job = t.putObject("job").put("type", "inprocess").put("dataset", a.dataset()).put("model", a.model())
                .put("folds", a.folds());
        if (a.target() != null) {
            job.put("target", a.target());
        }
        t.putObject("budget").put("trials", a.trials());
        return t;
    }
}
