package dev.tuneagent.core.proposer;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Uniform random search in the unit cube (so log-scale parameters are sampled log-uniformly), seeded
 * by {@link StudySnapshot#proposalSeed()}. Candidates differ from each other and from every trial; in a
 * small discrete space that is nearly used up it picks among the unseen configurations, and when none
 * are left it returns fewer than asked (possibly none).
 */
public final class RandomProposer implements Proposer {
    public static final String NAME = "random";
    private static final long SALT = 0x52414E44L; // "RAND"

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        long seed = snapshot.proposalSeed();
        RandomGenerator rng = Seeds.rng(seed, SALT);
        SearchSpace space = snapshot.space();
        SeenConfigs seen = SeenConfigs.of(snapshot);
        Provenance provenance = Provenance.of(NAME, seed);
        List<Proposal> out = new ArrayList<>();
        for (int attempt = 0; out.size() < n && attempt < Batches.attempts(n); attempt++) {
            double[] u = new double[space.dimension()];
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextDouble();
            }
            Map<String, Object> config = space.decode(u);
            if (seen.add(config)) {
                out.add(new Proposal(config, provenance));
            }
        }
        Batches.fillFromUnseen(out, n, seen, rng, provenance);
        return out;
    }
}
