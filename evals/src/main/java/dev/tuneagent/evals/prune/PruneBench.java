package dev.tuneagent.evals.prune;

import dev.tuneagent.agent.loop.Optimizer;
import dev.tuneagent.agent.loop.Resources;
import dev.tuneagent.agent.loop.StudyRun;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.task.JobSpec;
import dev.tuneagent.tools.job.JobLauncher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One pruning comparison on one task and seed, paired: a run without pruning ({@code trials} trials, which
 * spend resource R), then a run with the pruner and the same resource R (and many more trials allowed). Both
 * are real studies through the {@link Optimizer} with the same study seed, so a proposer that draws from the
 * seed proposes the same first configurations in both.
 */
public final class PruneBench {
    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    /** What one benchmark task provides: its space, direction, job and launcher. */
    public record Task(String name, SearchSpace space, Direction direction, String metric, JobSpec job,
                       Supplier<JobLauncher> launcher) {
    }

    /**
     * @param bestByResource for each finished trial in order: cumulative resource after it and best so far
     */
    public record Run(long resource, double best, List<double[]> bestByResource, int trials, int pruned) {
        /** The cumulative resource at which the best so far first reached {@code target}, or -1. */
        public long resourceToReach(double target, Direction direction) {
            for (double[] p : bestByResource) {
                if (direction.toLoss(p[1]) <= direction.toLoss(target)) {
                    return (long) p[0];
                }
            }
            return -1;
        }
    }

    /** The paired result of one seed. */
    public record Pair(String task, String pruner, long seed, Run none, Run pruned) {
    }

    private PruneBench() {
    }

    public static Pair pair(Task task, Pruner pruner, Supplier<Proposer> proposer, long seed, int trials, Path dir) {
        // An unlimited resource budget makes the loop store the run's reports, so its resource is counted in steps.
        Run none = run(task, Pruner.NONE, proposer.get(), seed, trials, Integer.MAX_VALUE, dir.resolve("none"));
        Run with = run(task, pruner, proposer.get(), seed, trials * 20, (int) none.resource(),
                dir.resolve(pruner.name()));
        return new Pair(task.name(), pruner.name(), seed, none, with);
    }

    static Run run(Task task, Pruner pruner, Proposer proposer, long seed, int trials, Integer resource, Path dir) {
        String name = task.name() + "-" + pruner.name() + "-" + seed;
        try (var store = new InMemoryStudyStore(); JobLauncher launcher = task.launcher().get()) {
            store.createStudy(new StudyDefinition(name, task.space(), task.direction(), task.metric(), seed, trials,
                    "{}", CLOCK.instant()));
            new Optimizer(store, launcher, CLOCK, null).run(new StudyRun(name, task.job(), proposer, dir, pruner, resource));
            return summarize(store.snapshot(name));
        }
    }

    static Run summarize(StudySnapshot s) {
        List<double[]> curve = new ArrayList<>();
        long used = 0;
        double best = Double.NaN;
        int pruned = 0;
        for (Trial t : s.trials()) {
            if (!t.state().isFinished()) {
                continue;
            }
            used += Resources.of(t);
            if (t.state() == dev.tuneagent.core.study.TrialState.PRUNED) {
                pruned++;
            }
            if (t.isComplete() && (Double.isNaN(best) || s.direction().toLoss(t.value()) < s.direction().toLoss(best))) {
                best = t.value();
            }
            curve.add(new double[] {used, best});
        }
        return new Run(used, best, curve, curve.size(), pruned);
    }
}
