package dev.tuneagent.evals.bench;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Uniform random points of the unit cube, decoded into the space: the floor every proposer must beat.
 * Kept in evals so the benchmark has a baseline that does not depend on any other module's proposers.
 */
public final class UniformRandomProposer implements Proposer {
    public static final String NAME = "uniform";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        long seed = snapshot.proposalSeed();
        RandomGenerator rng = Seeds.rng(seed);
        int d = snapshot.space().dimension();
        List<Proposal> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = rng.nextDouble();
            }
            out.add(new Proposal(snapshot.space().decode(u), Provenance.of(NAME, seed)));
        }
        return out;
    }
}
