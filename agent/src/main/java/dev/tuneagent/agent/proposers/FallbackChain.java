package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * LLM → GP → Sobol: when the model part of a proposal fails, the next proposer answers and the
 * reason is written into every proposal's provenance, with the tokens the failed attempt spent (so
 * they still count towards the study's cap). If every proposer in the chain throws, uniformly random
 * points are decoded from the space: a study never dies because a model, or a fallback, did.
 */
public final class FallbackChain {
    static final String LAST_RESORT = "random";
    private static final int LAST_RESORT_TRIES = 1000;
    private final List<Proposer> chain;

    /** @param chain the fallbacks in order, normally {@code gp} then {@code sobol} */
    public FallbackChain(List<Proposer> chain) {
        this.chain = List.copyOf(chain);
    }

    /** n proposals from the chain, each saying why; {@code session} (nullable) carries the spent tokens. */
    public List<Proposal> fallback(StudySnapshot snapshot, int n, String reason, LlmSession session) {
        return from(0, snapshot, n, reason, session);
    }

    /** Asks {@code first} (e.g. the GP after a warm start); on failure continues down the chain. */
    public List<Proposal> delegate(Proposer first, StudySnapshot snapshot, int n) {
        try {
            return distinct(snapshot, first.propose(snapshot, n));
        } catch (RuntimeException e) {
            return from(chain.indexOf(first) + 1, snapshot, n, first.name() + " failed: " + message(e), null);
        }
    }

    /**
     * Completes a partial LLM answer: the chain proposes the missing ones, seeing the model's
     * proposals as pending trials so it does not repeat them.
     */
    public List<Proposal> fill(StudySnapshot snapshot, List<Proposal> got, int n, String reason) {
        if (got.size() >= n) {
            return got.subList(0, n);
        }
        List<Trial> trials = new ArrayList<>(snapshot.trials());
        for (Proposal p : got) {
            trials.add(new Trial(trials.size(), p.params(), TrialState.RUNNING, null, null, p.provenance(),
                    Instant.EPOCH, null, null));
        }
        List<Proposal> out = new ArrayList<>(got);
        out.addAll(fallback(new StudySnapshot(snapshot.study(), trials), n - got.size(), reason, null));
        return out;
    }

    private List<Proposal> from(int start, StudySnapshot snapshot, int n, String reason, LlmSession session) {
        String why = reason;
        for (int i = Math.max(0, start); i < chain.size(); i++) {
            Proposer p = chain.get(i);
            try {
                // Fewer than n without an error means the space is (nearly) exhausted: not a failure.
                return annotate(distinct(snapshot, p.propose(snapshot, n)), why, session);
            } catch (RuntimeException e) {
                why = why + "; " + p.name() + " failed: " + message(e);
            }
        }
        return annotate(lastResort(snapshot, n), why, session);
    }

    /** Drops proposals that repeat a trial or each other: a fallback in an exhausted space returns fewer, never repeats. */
    static List<Proposal> distinct(StudySnapshot snapshot, List<Proposal> proposals) {
        SearchSpace space = snapshot.space();
        List<Map<String, Object>> seen = new ArrayList<>(snapshot.trials().stream().map(Trial::params).toList());
        List<Proposal> out = new ArrayList<>();
        for (Proposal p : proposals) {
            if (seen.stream().noneMatch(s -> space.sameConfig(s, p.params()))) {
                seen.add(p.params());
                out.add(p);
            }
        }
        return out;
    }

    private static List<Proposal> annotate(List<Proposal> proposals, String reason, LlmSession session) {
        List<Proposal> out = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            Proposal p = proposals.get(i);
            Provenance prov = p.provenance().withFallback(reason);
            if (i == 0 && session != null) {
                prov = prov.withUsage(prov.inputTokens() + session.inputTokens(),
                        prov.outputTokens() + session.outputTokens(), prov.costUsd() + session.costUsd());
            }
            out.add(new Proposal(p.params(), prov));
        }
        return out;
    }

    /** Uniform points distinct from every trial and from each other; fewer when none can be found. */
    static List<Proposal> lastResort(StudySnapshot snapshot, int n) {
        SearchSpace space = snapshot.space();
        long seed = snapshot.proposalSeed();
        RandomGenerator rng = dev.tuneagent.core.study.Seeds.rng(seed, 0x1a57L);
        List<Map<String, Object>> taken = new ArrayList<>(snapshot.trials().stream().map(Trial::params).toList());
        List<Proposal> out = new ArrayList<>();
        for (int t = 0; t < LAST_RESORT_TRIES && out.size() < n; t++) {
            double[] u = new double[space.dimension()];
            for (int d = 0; d < u.length; d++) {
                u[d] = rng.nextDouble();
            }
            Map<String, Object> c = space.decode(u);
            if (taken.stream().noneMatch(x -> space.sameConfig(x, c))) {
                taken.add(c);
                out.add(new Proposal(c, Provenance.of(LAST_RESORT, seed)));
            }
        }
        return out;
    }

    /**
     * Planned delegation (an initial design, the GP phase of {@code llm-warmstart}) is part of the
     * named proposer's method, so its proposals carry that name; proposals that only exist because
     * something failed keep the producer's name and say why in {@code fallback}.
     */
    static List<Proposal> relabel(List<Proposal> proposals, String proposer) {
        List<Proposal> out = new ArrayList<>();
        for (Proposal p : proposals) {
            Provenance v = p.provenance();
            out.add(v.fallback() != null ? p : new Proposal(p.params(), new Provenance(proposer, v.promptVersion(),
                    v.model(), v.seed(), null, v.inputTokens(), v.outputTokens(), v.costUsd())));
        }
        return out;
    }

    static String message(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 197) + "..." : m));
    }
}
