package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.tuneagent.core.space.SearchSpaceCodec;
import dev.tuneagent.tools.data.BundledDataset;
import dev.tuneagent.tools.data.DatasetProfile;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.data.TaskKind;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.inprocess.Metric;
import dev.tuneagent.tools.inprocess.ModelDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code list_datasets}, {@code profile_dataset}, {@code list_models}: what can be trained on what. */
final class DataTools {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final InProcessCatalog catalog;
    private final Datasets datasets;
    private final Workspace workspace;

    DataTools(InProcessCatalog catalog, Datasets datasets, Workspace workspace) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.workspace = workspace;
    }

    List<AgentTool> tools() {
        return List.of(
                new AgentTool(ToolSpecification.builder().name("list_datasets")
                        .description("Lists the bundled data sets and the CSV files in the user's working directory.")
                        .parameters(JsonObjectSchema.builder().build()).build(), a -> listDatasets()),
                new AgentTool(ToolSpecification.builder().name("profile_dataset")
                        .description("Profiles one data set: rows, columns with types, missing values, target "
                                + "candidates and class balance. Give either name (a bundled data set) or path (a CSV "
                                + "file inside the working directory).")
                        .parameters(JsonObjectSchema.builder()
                                .addStringProperty("name", "a bundled data set: " + String.join(", ", BundledDataset.names()))
                                .addStringProperty("path", "a CSV file inside the working directory, relative to it")
                                .build()).build(), this::profile),
                new AgentTool(ToolSpecification.builder().name("list_models")
                        .description("Lists the models for a task kind with their default search spaces, and the "
                                + "metrics for that kind.")
                        .parameters(JsonObjectSchema.builder()
                                .addEnumProperty("task", List.of("classification", "regression"))
                                .required("task").build()).build(), this::listModels));
    }

    private String listDatasets() {
        ObjectNode out = F.objectNode();
        ArrayNode bundled = out.putArray("bundled");
        for (BundledDataset b : catalog.datasets()) {
            DatasetProfile p = DatasetProfile.profile(datasets.load(b.name(), null));
            bundled.addObject().put("name", b.name()).put("rows", p.rows()).put("columns", p.features().size() + 1)
                    .put("target", b.target()).put("task", b.kind().lower()).put("description", b.description());
        }
        ArrayNode csv = out.putArray("csv_files");
        for (String f : workspace.csvFiles()) {
            ObjectNode g = CsvGlance.glance(workspace.resolve(f), f);
            csv.addObject().put("path", f).put("rows", g.get("rows").asInt()).put("columns", g.get("columns").asInt());
        }
        out.put("working_directory", workspace.root().toString());
        return out.toString();
    }

    private String profile(JsonNode args) {
        ToolArgs.only(args, "profile_dataset", "name", "path");
        String name = ToolArgs.text(args, "name");
        String path = ToolArgs.text(args, "path");
        if ((name == null) == (path == null)) {
            throw new ToolRefusal("give exactly one of name (a bundled data set: " + String.join(", ",
                    BundledDataset.names()) + ") or path (a CSV file in the working directory)");
        }
        if (name != null && !Datasets.isBundled(name)) {
            if (AgentTasks.looksLikePath(name)) {
                path = name;
            } else {
                throw new ToolRefusal("name: unknown data set \"" + name + "\"; the bundled ones are "
                        + String.join(", ", BundledDataset.names()) + "; a CSV file in the working directory is given "
                        + "as path (list_datasets lists them)");
            }
        }
        if (path != null) {
            Path file = workspace.resolve(path);
            return CsvGlance.glance(file, workspace.relative(file)).toString();
        }
        BundledDataset b = BundledDataset.named(name).orElseThrow();
        DatasetProfile p = DatasetProfile.profile(datasets.load(b.name(), null));
        ObjectNode out = F.objectNode().put("name", b.name()).put("rows", p.rows()).put("columns", p.features().size() + 1)
                .put("description", b.description()).put("target", p.targetName()).put("task", p.kind().lower());
        ArrayNode cols = out.putArray("features");
        for (DatasetProfile.FeatureSummary f : p.features()) {
            cols.addObject().put("name", f.name()).put("type", f.type()).put("missing", 0)
                    .put("min", f.min()).put("max", f.max());
        }
        if (p.kind() == TaskKind.CLASSIFICATION) {
            ObjectNode balance = out.putObject("class_counts");
            p.classCounts().forEach(balance::put);
        } else {
            out.put("target_min", p.targetMin()).put("target_max", p.targetMax()).put("target_mean", p.targetMean());
        }
        out.put("note", "bundled data sets have a fixed target; leave job.target out");
        return out.toString();
    }

    private String listModels(JsonNode args) {
        ToolArgs.only(args, "list_models", "task");
        String task = ToolArgs.text(args, "task");
        TaskKind kind;
        try {
            kind = TaskKind.valueOf(task == null ? "" : task.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ToolRefusal("task: got " + (task == null ? "nothing" : "\"" + task + "\"")
                    + ", expected classification or regression");
        }
        ObjectNode out = F.objectNode().put("task", kind.lower());
        ArrayNode metrics = out.putArray("metrics");
        for (Metric m : Metric.forKind(kind)) {
            metrics.addObject().put("name", m.key()).put("direction", m.direction().lower()).put("meaning", m.description());
        }
        ArrayNode models = out.putArray("models");
        for (ModelDef m : catalog.models()) {
            if (m.supports(kind)) {
                models.addObject().put("name", m.name()).put("description", m.description())
                        .set("default_space", SearchSpaceCodec.write(m.defaultSpace(kind)));
            }
        }
        return out.toString();
    }
}
