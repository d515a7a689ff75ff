package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.TrialAttrs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns ranked candidates into proposals: the session's usage goes on the first, so sums stay exact, and each
 * carries every candidate with its score ({@link TrialAttrs#CANDIDATES}, its own first) for {@code explain}.
 */
final class LlmProposals {
    private LlmProposals() {
    }

    static List<Proposal> of(List<Map<String, Object>> candidates, Ranking ranking, int n, LlmSession session,
                             String proposer, long seed) {
        List<Proposal> out = new ArrayList<>();
        for (int r = 0; r < ranking.order().size() && out.size() < n; r++) {
            int chosen = ranking.order().get(r);
            Provenance p = out.isEmpty() ? session.provenance(proposer, seed, ranking.note())
                    : new Provenance(proposer, session.promptVersion(), session.settings().model(), seed,
                    ranking.note(), 0, 0, 0);
            out.add(new Proposal(candidates.get(chosen), p,
                    TrialAttrs.of(TrialAttrs.CANDIDATES, scored(candidates, ranking, chosen))));
        }
        return out;
    }

    /** Every candidate as {@code {"params", "score", "scorer"}}, the chosen one first, then in rank order. */
    static List<Map<String, Object>> scored(List<Map<String, Object>> candidates, Ranking ranking, int chosen) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(entry(candidates, ranking, chosen));
        for (int i : ranking.order()) {
            if (i != chosen) {
                out.add(entry(candidates, ranking, i));
            }
        }
        return out;
    }

    private static Map<String, Object> entry(List<Map<String, Object>> candidates, Ranking ranking, int i) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("params", new LinkedHashMap<>(candidates.get(i)));
        double s = ranking.scores()[i];
        e.put("score", Double.isFinite(s) ? s : null); // JSON has no NaN or infinity
        e.put("scorer", ranking.scorer().id());
        return e;
    }
}
