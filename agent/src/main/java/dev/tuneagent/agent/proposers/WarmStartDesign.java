package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.LlmFailure;
import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.agent.llambo.Trials;
import dev.tuneagent.agent.llambo.WarmStarter;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The zero-shot initial design shared by {@code llambo} and {@code llm-warmstart}: asked once per
 * study (one call for all initial points), remembered by this proposer instance, and handed out
 * point by point as the loop asks. After a resume the design is asked again; with a replayed
 * cassette the identical request gets the identical answer.
 */
final class WarmStartDesign {
    static final String PROMPT = "warmstart/v1";
    private final LlmDeps deps;
    private final String proposer;
    private final Map<String, Object> designs = new HashMap<>();

    WarmStartDesign(LlmDeps deps, String proposer) {
        this.deps = deps;
        this.proposer = proposer;
    }

    boolean active(StudySnapshot snapshot) {
        return snapshot.trials().size() < deps.settings().initialDesign();
    }

    List<Proposal> propose(StudySnapshot snapshot, int n) {
        String key = snapshot.study().name() + "@" + snapshot.study().seed() + "@" + snapshot.space().hashCode();
        LlmSession session = null;
        Object design = designs.get(key);
        if (design == null) {
            session = deps.session(snapshot);
            try {
                design = WarmStarter.design(session, deps.card(snapshot), snapshot.space(), deps.settings().initialDesign(),
                        Trials.configs(snapshot));
            } catch (LlmFailure e) {
                design = "warm start failed: " + e.reason();
            } catch (RuntimeException e) {
                design = "warm start failed: " + FallbackChain.message(e);
            }
            designs.put(key, design);
        }
        if (design instanceof String failure) {
            return deps.chain().fallback(snapshot, n, failure, session);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> configs = (List<Map<String, Object>>) design;
        SearchSpace space = snapshot.space();
        List<Map<String, Object>> tried = Trials.configs(snapshot);
        long seed = snapshot.proposalSeed();
        List<Proposal> out = new ArrayList<>();
        for (Map<String, Object> c : configs) {
            if (out.size() < n && tried.stream().noneMatch(t -> space.sameConfig(t, c))) {
                Provenance p = out.isEmpty() && session != null ? session.provenance(proposer, seed, null)
                        : new Provenance(proposer, PROMPT, deps.settings().model(), seed, null, 0, 0, 0);
                out.add(new Proposal(c, p));
            }
        }
        if (out.isEmpty() && session != null) {
            return deps.chain().fallback(snapshot, n, "the warm-start design repeats tried configurations", session);
        }
        return deps.chain().fill(snapshot, out, n, "the warm-start design has no untried point left");
    }
}
