package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.CandidateSampler;
import dev.tuneagent.agent.llambo.LlmFailure;
import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;
import java.util.Map;

/**
 * LLAMBO's candidate sampler alone: after a Sobol initial design, the model's candidates are taken
 * in the order it gave them, with no surrogate. Calls per proposal: {@code templates}.
 */
public final class LlmSamplerProposer implements Proposer {
    public static final String NAME = "llm-sampler";
    private final LlmDeps deps;

    public LlmSamplerProposer(LlmDeps deps) {
        this.deps = deps;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        if (n <= 0) {
            return List.of();
        }
        if (snapshot.trials().size() < deps.settings().initialDesign()) {
            return FallbackChain.relabel(deps.chain().delegate(deps.sobol(), snapshot, n), NAME);
        }
        if (snapshot.completed().isEmpty()) {
            return deps.chain().fallback(snapshot, n, "no completed trial to learn from yet", null);
        }
        long seed = snapshot.proposalSeed();
        LlmSession session = deps.session(snapshot);
        try {
            List<Map<String, Object>> candidates = CandidateSampler.sample(session, deps.card(snapshot), snapshot,
                    deps.settings().templates(), seed);
            List<Proposal> chosen = LlmProposals.of(candidates.subList(0, Math.min(n, candidates.size())), session,
                    NAME, seed, null);
            return deps.chain().fill(snapshot, chosen, n,
                    "the model proposed only " + chosen.size() + " usable configuration(s)");
        } catch (LlmFailure e) {
            return deps.chain().fallback(snapshot, n, e.reason(), session);
        } catch (RuntimeException e) {
            // A bug of ours (or a surprise from a library) must not stop the study either.
            return deps.chain().fallback(snapshot, n, NAME + " failed: " + FallbackChain.message(e), session);
        }
    }
}
