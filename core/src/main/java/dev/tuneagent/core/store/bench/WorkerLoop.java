package dev.tuneagent.core.store.bench;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What one benchmark worker does on a shared study: ask ({@code startTrialWithinBudget}) and tell
 * ({@code finishTrial}) until the store says the budget is spoken for. The same loop runs in a thread or in a
 * child JVM ({@link BenchWorkerMain}), so both modes time the same calls.
 */
public final class WorkerLoop {
    static final SearchSpace SPACE = SearchSpace.of(new FloatParam("lr", 1e-5, 1, true),
            new FloatParam("dropout", 0, 0.5, false), new IntParam("trees", 10, 500, true),
            new CategoricalParam("criterion", List.of("gini", "entropy")));

    private WorkerLoop() {
    }

    /**
     * One worker's account: the trial numbers it got, the latency of each ask+tell in nanoseconds, when it began
     * and ended (wall clock, comparable across processes), and the first error, if any, that stopped it.
     */
    public record Run(String owner, List<Integer> numbers, long[] nanos, Instant began, Instant ended, String error) {
    }

    /** The study every worker of one benchmark cell shares. */
    public static StudyDefinition study(String name, int budget) {
        return new StudyDefinition(name, SPACE, Direction.MINIMIZE, "loss", 1, budget, "{}", Instant.now());
    }

    /** Asks and tells on {@code study} until the budget is used; never throws (an error ends the run and is kept). */
    public static Run work(StudyStore store, String study, long seed) {
        RandomGenerator rng = Seeds.rng(seed);
        List<Integer> numbers = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        String error = null;
        String owner = "?";
        Instant began = Instant.now();
        try {
            owner = store.owner();
            while (true) {
                double[] u = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
                Proposal p = new Proposal(SPACE.decode(u), Provenance.of("bench", numbers.size()));
                long t0 = System.nanoTime();
                Optional<Trial> t = store.startTrialWithinBudget(study, p, Instant.now());
                if (t.isEmpty()) {
                    break;
                }
                store.finishTrial(study, t.get().number(), TrialOutcome.complete(u[0], Map.of("loss", u[0])),
                        Instant.now());
                nanos.add(System.nanoTime() - t0);
                numbers.add(t.get().number());
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Run(owner, numbers, nanos.stream().mapToLong(Long::longValue).toArray(), began,
                Instant.now(), error);
    }
}
