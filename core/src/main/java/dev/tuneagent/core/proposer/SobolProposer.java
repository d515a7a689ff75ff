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
 * Quasi-random search with a scrambled Sobol sequence ({@link ScrambledSobol}) seeded from the study
 * seed. The sequence position is the number of trials in the snapshot, so every ask, and a resumed
 * study, continues the same sequence instead of starting over. Points that land on a configuration
 * already tried (discrete spaces) are skipped; when fresh points become rare, the remaining unseen
 * configurations of a small finite space are used, and an exhausted space gives fewer proposals.
 */
public final class SobolProposer implements Proposer {
    public static final String NAME = "sobol";
    private static final long SALT = 0x534F424FL; // "SOBO"

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        SearchSpace space = snapshot.space();
        long scrambleSeed = Seeds.mix(snapshot.study().seed(), SALT);
        if (space.dimension() > ScrambledSobol.MAX_DIMENSION) {
            return new RandomProposer().propose(snapshot, n).stream()
                    .map(p -> new Proposal(p.params(), p.provenance().withFallback("random: Sobol points support at "
                            + "most " + ScrambledSobol.MAX_DIMENSION + " parameters, this space has "
                            + space.dimension())))
                    .toList();
        }
        ScrambledSobol sequence = new ScrambledSobol(space.dimension(), scrambleSeed);
        SeenConfigs seen = SeenConfigs.of(snapshot);
        Provenance provenance = Provenance.of(NAME, scrambleSeed);
        List<Proposal> out = new ArrayList<>();
        int index = snapshot.trials().size();
        for (int attempt = 0; out.size() < n && attempt < Batches.attempts(n) && index >= 0; attempt++, index++) {
            Map<String, Object> config = space.decode(sequence.point(index));
            if (seen.add(config)) {
                out.add(new Proposal(config, provenance));
            }
        }
        RandomGenerator rng = Seeds.rng(snapshot.proposalSeed(), SALT);
        Batches.fillFromUnseen(out, n, seen, rng, provenance);
        return out;
    }
}
