package dev.tuneagent.evals.eval;

import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskDefaults;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.tools.JobLaunchers;
import dev.tuneagent.tools.inprocess.Hyperparameter;
import dev.tuneagent.tools.inprocess.InProcessCatalog;
import dev.tuneagent.tools.data.TaskKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A user's task file (any job type, command objectives included), evaluated through the same launchers as
 * {@code tune run}. Its default configuration is the file's {@code defaults:} mapping; an in-process job
 * without one falls back to the catalog's values when they fit the file's space; otherwise the {@code default}
 * cell is skipped with the reason.
 */
public record FileTask(Path file, TaskSpec spec, InProcessCatalog catalog) implements EvalTask {

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String metric() {
        return spec.metric();
    }

    @Override
    public Direction direction() {
        return spec.direction();
    }

    @Override
    public CellSetup setup(long seed, int trials, boolean anonymize) {
        TaskSpec task = spec.toBuilder().trials(trials).seed(seed).build();
        Map<String, Object> defaults = TaskDefaults.read(file, spec.space()).orElse(null);
        String why = null;
        if (defaults == null && spec.job() instanceof InProcessJobSpec job) {
            try {
                defaults = catalogDefaults(job);
            } catch (InvalidValueException e) {
                why = "the catalog's default values do not fit the task's space (" + e.getMessage()
                        + "); add a defaults: mapping to " + file.getFileName();
            }
        } else if (defaults == null) {
            why = "the task file " + file.getFileName() + " has no defaults: mapping";
        }
        return new CellSetup(task, new JobLaunchers(catalog), DoubleUnaryOperator.identity(), null, null, defaults,
                why);
    }

    private Map<String, Object> catalogDefaults(InProcessJobSpec job) {
        TaskKind kind = catalog.taskKind(job, spec.metric());
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Hyperparameter h : catalog.model(job.model()).hyperparameters(kind)) {
            if (spec.space().param(h.name()).isPresent()) {
                raw.put(h.name(), h.fallback());
            }
        }
        return spec.space().coerce(raw);
    }
}
