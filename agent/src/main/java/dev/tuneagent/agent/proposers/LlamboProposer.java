package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.CandidateSampler;
import dev.tuneagent.agent.llambo.ExpectedImprovement;
import dev.tuneagent.agent.llambo.LlmFailure;
import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.agent.llambo.LlmSurrogate;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * LLAMBO end to end: a zero-shot warm start for the first trials, then per proposal the
 * target-conditioned sampler proposes candidates, the LLM surrogate predicts their scores, and
 * expected improvement picks. Calls per proposal: {@code templates + surrogateCalls} (plus retries).
 */
public final class LlamboProposer implements Proposer {
    public static final String NAME = "llambo";
    private final LlmDeps deps;
    private final WarmStartDesign warmStart;

    public LlamboProposer(LlmDeps deps) {
        this.deps = deps;
        this.warmStart = new WarmStartDesign(deps, NAME);
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
        if (warmStart.active(snapshot)) {
            return warmStart.propose(snapshot, n);
        }
        if (snapshot.completed().isEmpty()) {
            return deps.chain().fallback(snapshot, n, "no completed trial to learn from yet", null);
        }
        long seed = snapshot.proposalSeed();
        LlmSession session = deps.session(snapshot);
        try {
            List<Map<String, Object>> candidates = CandidateSampler.sample(session, deps.card(snapshot), snapshot,
                    deps.settings().templates(), seed);
            List<Integer> order;
            String note = null;
            try {
                LlmSurrogate.Prediction p = LlmSurrogate.predict(session, deps.card(snapshot), snapshot, candidates, seed);
                double best = snapshot.best().orElseThrow().value();
                order = ExpectedImprovement.rank(p.mean(), p.sd(), best, snapshot.direction());
            } catch (LlmFailure e) {
                order = IntStream.range(0, candidates.size()).boxed().toList();
                note = "surrogate failed, candidates taken in sampler order: " + e.reason();
            }
            List<Proposal> chosen = LlmProposals.of(LlmProposals.pick(candidates, order, n), session, NAME, seed, note);
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
