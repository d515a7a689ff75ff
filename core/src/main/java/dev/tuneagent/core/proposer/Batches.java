package dev.tuneagent.core.proposer;

import dev.tuneagent.core.study.Provenance;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What the sampling proposers share: how long to look for new points and how to finish a batch. */
final class Batches {
    private Batches() {
    }

    /** Draws to try before concluding that fresh points are rare (a small or nearly exhausted space). */
    static int attempts(int n) {
        return 64 + 64 * Math.max(0, n);
    }

    /**
     * Tops up {@code out} to {@code n} with configurations nobody has tried, drawn without replacement in
     * an order fixed by {@code rng}. Does nothing for spaces too large to enumerate, where a failed
     * search for fresh points means only that the proposer was unlucky, not that none are left.
     */
    static void fillFromUnseen(List<Proposal> out, int n, SeenConfigs seen, RandomGenerator rng,
                               Provenance provenance) {
        if (out.size() >= n) {
            return;
        }
        seen.unseen().ifPresent(rest -> {
            for (int i = rest.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Map<String, Object> t = rest.get(i);
                rest.set(i, rest.get(j));
                rest.set(j, t);
            }
            for (Map<String, Object> config : rest) {
                if (out.size() >= n) {
                    break;
                }
                if (seen.add(config)) {
                    out.add(new Proposal(config, provenance));
                }
            }
        });
    }
}
