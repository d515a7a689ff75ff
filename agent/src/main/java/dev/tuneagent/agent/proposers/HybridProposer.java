package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.CandidateSampler;
import dev.tuneagent.agent.llambo.LlmFailure;
import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The cheap hybrid: one sampler call proposes candidates, the GP's expected improvement picks among
 * them (no LLM surrogate). Before the GP has data, the GP proposer's own initial design runs.
 * Calls per proposal: 1 (plus retries).
 */
public final class HybridProposer implements Proposer {
    public static final String NAME = "hybrid";
    private final LlmDeps deps;

    public HybridProposer(LlmDeps deps) {
        if (deps.scorer() == null) {
            throw new IllegalArgumentException("the hybrid proposer needs a candidate scorer (the GP's EI)");
        }
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
        if (snapshot.trials().size() < deps.settings().initialDesign() || snapshot.completed().isEmpty()) {
            return FallbackChain.relabel(deps.chain().delegate(deps.gp(), snapshot, n), NAME);
        }
        long seed = snapshot.proposalSeed();
        LlmSession session = deps.session(snapshot);
        try {
            List<Map<String, Object>> candidates = CandidateSampler.sample(session, deps.card(snapshot), snapshot, 1, seed);
            List<Integer> order;
            String note = null;
            try {
                double[] score = deps.scorer().score(snapshot, candidates);
                order = IntStream.range(0, candidates.size()).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(i -> -finite(score[i])).thenComparingInt(i -> i))
                        .toList();
            } catch (RuntimeException e) {
                order = IntStream.range(0, candidates.size()).boxed().toList();
                note = "GP scoring failed, candidates taken in sampler order: " + FallbackChain.message(e);
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

    private static double finite(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
