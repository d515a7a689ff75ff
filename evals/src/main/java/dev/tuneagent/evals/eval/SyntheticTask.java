package dev.tuneagent.evals.eval;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import java.nio.file.Path;

/** A test function with a known global minimum, minimized; regret is measured on its own scale. */
public record SyntheticTask(BenchmarkFunction function) implements EvalTask {
    static final String PLAIN_DESCRIPTION = "synthetic test function with a known global minimum";

    @Override
    public String name() {
        return function.name();
    }

    @Override
    public String metric() {
        return FunctionLauncher.METRIC;
    }

    @Override
    public Direction direction() {
        return Direction.MINIMIZE;
    }

    @Override
    public CellSetup setup(long seed, int trials, boolean anonymize) {
        SyntheticInstance instance = anonymize ? SyntheticInstance.anonymized(function, seed)
                : SyntheticInstance.plain(function);
        // The anonymized description says nothing a model could use to recognise the function.
        String description = anonymize ? "A black-box function of " + function.dimension()
                + " continuous variables, each on [0, 1]. Lower is better." : PLAIN_DESCRIPTION;
        TaskSpec task = TaskSpec.builder(name(), metric(), direction(), null).space(instance.space()).trials(trials)
                .seed(seed).description(description).build();
        return new CellSetup(task, new FunctionLauncher(instance), instance::own, function.minimum(), instance.view(),
                null, "a test function has no default configuration");
    }
}
