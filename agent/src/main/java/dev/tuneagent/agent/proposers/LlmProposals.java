package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns chosen configurations into proposals; the session's usage goes on the first, so sums stay exact. */
final class LlmProposals {
    private LlmProposals() {
    }

    static List<Proposal> of(List<Map<String, Object>> chosen, LlmSession session, String proposer, long seed,
                             String note) {
        List<Proposal> out = new ArrayList<>();
        for (Map<String, Object> c : chosen) {
            Provenance p = out.isEmpty() ? session.provenance(proposer, seed, note)
                    : new Provenance(proposer, session.promptVersion(), session.settings().model(), seed, note, 0, 0, 0);
            out.add(new Proposal(c, p));
        }
        return out;
    }

    static <T> List<T> pick(List<T> items, List<Integer> order, int n) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < order.size() && out.size() < n; i++) {
            out.add(items.get(order.get(i)));
        }
        return out;
    }
}
