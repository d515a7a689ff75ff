package dev.tuneagent.evals.prune;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.prune.HyperbandPruner;
import dev.tuneagent.core.prune.MedianPruner;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.prune.SuccessiveHalvingPruner;
import dev.tuneagent.core.study.Direction;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code tune bench-prune}: for each task, pruner and seed, a paired run without and with pruning at equal
 * resource (see {@link PruneBench}), printed as a Markdown table (docs/pruning.md).
 */
public final class PruneBenchCommand {
    public static final String DEFAULT_TASKS = "lc-branin,lc-hartmann6,lc-levy6,knn-wine,decision-tree-breast-cancer";

    /** The pruners compared, with the settings of the table: defaults scaled to the task's steps. */
    static Pruner pruner(String name, int steps) {
        return switch (name) {
            case "median" -> new MedianPruner(5, 1, 1, 1);
            case "asha" -> new SuccessiveHalvingPruner(1, 3, 0, 0);
            case "hyperband" -> new HyperbandPruner(1, steps, 3);
            default -> throw ConfigException.of("--pruners", name, "a comma-separated list of median, asha, hyperband");
        };
    }

    public void execute(String tasks, String pruners, Supplier<Proposer> proposer, int seeds, int trials, int steps,
                        PrintStream out, PrintStream progress) throws java.io.IOException {
        if (seeds < 1 || trials < 2 || steps < 2) {
            throw new ConfigException("--seeds", "need --seeds >= 1, --trials >= 2 and --steps >= 2");
        }
        PruneTasks catalog = new PruneTasks(steps);
        List<PruneBench.Pair> pairs = new ArrayList<>();
        Map<String, Direction> directions = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("tune-bench-prune");
        for (String name : tasks.split(",")) {
            PruneBench.Task task = catalog.task(name.trim());
            directions.put(task.name(), task.direction());
            int taskSteps = task.name().startsWith("lc-") ? steps : PruneTasks.FOLDS;
            for (String p : pruners.split(",")) {
                Pruner pruner = pruner(p.trim(), taskSteps);
                for (long seed = 0; seed < seeds; seed++) {
                    long start = System.nanoTime();
                    pairs.add(PruneBench.pair(task, pruner, proposer, seed, trials, dir));
                    progress.printf("%s %s seed %d: %.1fs%n", task.name(), pruner.name(), seed,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        }
        out.print(PruneReport.table(pairs, directions));
    }
}
