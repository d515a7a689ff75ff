package dev.tuneagent.evals.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import dev.tuneagent.tools.data.BundledDataset;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.inprocess.ModelDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --suite synthetic|ml|FILE.yaml} and {@code --tasks} to the list of tasks. */
public final class Suites {
    private Suites() {
    }

    public static List<EvalTask> load(String suite, List<String> only, InProcessCatalog catalog, TaskLoader loader) {
        List<EvalTask> all = switch (suite) {
            case "synthetic" -> BenchmarkFunctions.all().stream().<EvalTask>map(SyntheticTask::new).toList();
            case "ml" -> ml(catalog);
            default -> file(Path.of(suite), catalog, loader);
        };
        if (only.isEmpty()) {
            return all;
        }
        Map<String, EvalTask> byName = new LinkedHashMap<>();
        all.forEach(t -> byName.put(t.name(), t));
        List<EvalTask> out = new ArrayList<>();
        for (String name : only) {
            EvalTask t = byName.get(name);
            if (t == null) {
                throw ConfigException.of("--tasks", name, "tasks of the " + suite + " suite: "
                        + String.join(", ", byName.keySet()));
            }
            out.add(t);
        }
        return out;
    }

    /** Every bundled data set × every model that supports its task kind (Bayesmark's grid). */
    static List<EvalTask> ml(InProcessCatalog catalog) {
        List<EvalTask> out = new ArrayList<>();
        for (BundledDataset d : catalog.datasets()) {
            for (ModelDef m : catalog.models()) {
                if (m.supports(d.kind())) {
                    out.add(new MlTask(m.name(), d.name(), d.kind(), catalog));
                }
            }
        }
        return out;
    }

    /** A suite file: {@code tasks:} a list of task-file paths, relative to the suite file. */
    static List<EvalTask> file(Path suite, InProcessCatalog catalog, TaskLoader loader) {
        if (!Files.isRegularFile(suite)) {
            throw ConfigException.of("--suite", suite.toString(), "synthetic, ml or an existing suite file (.yaml)");
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(suite));
        } catch (IOException e) {
            throw new ConfigException("--suite", suite + " is not readable YAML: " + e.getMessage());
        }
        JsonNode tasks = root == null ? null : root.get("tasks");
        if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
            throw new ConfigException("tasks", suite + " needs tasks: a non-empty list of task-file paths");
        }
        Path base = suite.toAbsolutePath().normalize().getParent();
        List<EvalTask> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode n = tasks.get(i);
            if (!n.isTextual()) {
                throw ConfigException.of("tasks[" + i + "]", n.toString(), "a task-file path");
            }
            Path file = base.resolve(n.asText()).normalize();
            TaskSpec spec;
            try {
                spec = loader.load(file);
            } catch (ConfigException e) {
                throw new ConfigException("tasks[" + i + "]", file + ": " + e.getMessage());
            }
            if (names.contains(spec.name())) {
                throw new ConfigException("tasks[" + i + "]", "two tasks are named \"" + spec.name()
                        + "\"; task names identify cells, give each a distinct name:");
            }
            names.add(spec.name());
            out.add(new FileTask(file, spec, catalog));
        }
        return out;
    }
}
