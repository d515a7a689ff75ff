package dev.tuneagent.agent.proposers.fakes;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A stand-in for the classical proposers (gp, sobol) in unit tests: a Halton sequence, distinct from every trial. */
public class HaltonProposer implements Proposer {
    private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
    private final String name;
    private final int offset;
    public int calls;

    public HaltonProposer(String name, int offset) {
        this.name = name;
        this.offset = offset;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        calls++;
        SearchSpace space = snapshot.space();
        List<Map<String, Object>> taken = new ArrayList<>(snapshot.trials().stream().map(Trial::params).toList());
        List<Proposal> out = new ArrayList<>();
        for (int index = offset + snapshot.trials().size() + 1; out.size() < n; index++) {
            double[] u = new double[space.dimension()];
            for (int d = 0; d < u.length; d++) {
                u[d] = radicalInverse(index, PRIMES[d % PRIMES.length]);
            }
            Map<String, Object> c = space.decode(u);
            if (taken.stream().noneMatch(t -> space.sameConfig(t, c))) {
                taken.add(c);
                out.add(new Proposal(c, Provenance.of(name, snapshot.proposalSeed())));
            }
        }
        return out;
    }

    private static double radicalInverse(int i, int base) {
        double f = 1;
        double r = 0;
        while (i > 0) {
            f /= base;
            r += f * (i % base);
            i /= base;
        }
        return r;
    }
}
