package dev.tuneagent.agent.proposers.fakes;

import dev.tuneagent.agent.proposers.FallbackChain;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The smallest ask-evaluate-tell loop: enough to run proposers end to end without the store or the CLI. */
public final class MiniLoop {
    public static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("lr", 1e-4, 1.0, true),
            new FloatParam("dropout", 0.0, 0.5, false),
            new IntParam("depth", 1, 20, false),
            new CategoricalParam("criterion", List.of("gini", "entropy")));

    /** A smooth objective to maximize, best near lr=0.01, dropout=0.2, depth=8, entropy. */
    public static double accuracy(Map<String, Object> p) {
        double lr = Math.log10((Double) p.get("lr")) + 2;
        double dropout = (Double) p.get("dropout") - 0.2;
        double depth = ((Long) p.get("depth") - 8) / 10.0;
        double crit = "entropy".equals(p.get("criterion")) ? 0.0 : 0.03;
        return 0.95 - 0.05 * lr * lr - 0.4 * dropout * dropout - 0.1 * depth * depth - crit;
    }

    public static StudyDefinition study(String name, long seed, int budget) {
        return new StudyDefinition(name, SPACE, Direction.MAXIMIZE, "accuracy", seed, budget, "{}",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static StudySnapshot snapshot(StudyDefinition def, List<Trial> trials) {
        return new StudySnapshot(def, trials);
    }

    /**
     * Runs {@code trials} trials as the optimizer does: the proposer inside its fallback chain, its initial design
     * (if any) asked once on the empty study and evaluated first, then one proposal per trial.
     */
    public static List<Trial> run(Proposer proposer, StudyDefinition def, int trials, ToDoubleFunction<Map<String, Object>> f) {
        Proposer chain = FallbackChain.around(proposer);
        List<Trial> done = new ArrayList<>();
        Deque<Proposal> queued = new ArrayDeque<>(chain.initialDesign(new StudySnapshot(def, done)));
        for (int i = 0; i < trials; i++) {
            Proposal p = queued.isEmpty() ? chain.propose(new StudySnapshot(def, done), 1).get(0) : queued.poll();
            done.add(complete(i, p, f.applyAsDouble(p.params())));
        }
        return done;
    }

    public static Trial complete(int number, Proposal p, double value) {
        return new Trial(number, p.params(), TrialState.COMPLETE, value, Map.of(), p.provenance(),
                Instant.EPOCH, Instant.EPOCH, null, p.attrs());
    }
}
