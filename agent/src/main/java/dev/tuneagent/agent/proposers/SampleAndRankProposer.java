package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.CandidateSampler;
import dev.tuneagent.agent.llambo.ExpectedImprovement;
import dev.tuneagent.agent.llambo.LlmFailure;
import dev.tuneagent.agent.llambo.LlmSession;
import dev.tuneagent.agent.llambo.LlmSurrogate;
import dev.tuneagent.agent.llambo.Trials;
import dev.tuneagent.agent.llambo.WarmStarter;
import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.TrialAttrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one LLM proposer: an optional zero-shot warm start as the study's initial design, then per proposal a
 * candidate source (LLAMBO's target-conditioned sampler, or the GP itself) and a scorer that ranks the candidates
 * (their sampler order, the LLM surrogate with expected improvement, or the GP's log EI). {@link Preset} names the
 * combinations ({@code llambo}, {@code llm-sampler}, {@code hybrid}, {@code llm-warmstart}, {@code hybrid-warmstart}).
 *
 * <p>It never handles its own failures: a failed model call is a {@link ProposalFailure} (with the tokens it spent)
 * for the {@link FallbackChain} around it, and a {@link CassetteMiss} stops the study. Calls per proposal: the
 * sampler's calls, plus the surrogate's for {@code llm-ei} (plus retries).
 */
public final class SampleAndRankProposer implements Proposer {
    private final Preset preset;
    private final LlmDeps deps;

    public SampleAndRankProposer(Preset preset, LlmDeps deps) {
        if (preset.scorer() == Preset.Scorer.GP_LOGEI && deps.scorer() == null) {
            throw new IllegalArgumentException("the " + preset.name() + " proposer needs a candidate scorer (the GP's EI)");
        }
        this.preset = preset;
        this.deps = deps;
    }

    @Override
    public String name() {
        return preset.name();
    }

    public Preset preset() {
        return preset;
    }

    /** The reply format its prompts ask for (decided from the model's capabilities when it was registered). */
    public dev.tuneagent.prompts.parse.ReplyFormat replyFormat() {
        return deps.settings().prompts().format();
    }

    /**
     * The LLM's warm start, asked once (one call for all points) for presets that start with it; the loop stores the
     * points as WAITING trials, so a resumed study evaluates the same design without asking again. Each point
     * carries {@code source=warmstart}; the first carries the call's usage.
     */
    @Override
    public List<Proposal> initialDesign(StudySnapshot snapshot) {
        if (preset.start() != Preset.Start.LLM_WARMSTART) {
            return List.of();
        }
        int k = deps.settings().initialDesign();
        LlmSession session = deps.session(snapshot);
        List<Map<String, Object>> design = ask(session, k,
                () -> WarmStarter.design(session, deps.card(snapshot), snapshot.space(), k, Trials.configs(snapshot)),
                "warm start failed: ", "warm start failed: ");
        if (design.isEmpty()) {
            throw new ProposalFailure("the warm-start design repeats tried configurations", session, k, null);
        }
        List<Proposal> out = new ArrayList<>();
        for (Map<String, Object> c : design) {
            // Each point keeps the seed of the trial it becomes, as when the design was handed out one by one.
            long seed = Seeds.mix(snapshot.study().seed(), snapshot.trials().size() + out.size());
            Provenance p = out.isEmpty() ? session.provenance(name(), seed, null)
                    : new Provenance(name(), session.promptVersion(), deps.settings().model(), seed, null, 0, 0, 0);
            out.add(new Proposal(c, p, TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART)));
        }
        return out;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        if (n <= 0) {
            return List.of();
        }
        int trials = snapshot.trials().size();
        int k = deps.settings().initialDesign();
        if (preset.start() == Preset.Start.GP_DESIGN && (trials < k || snapshot.completed().isEmpty())) {
            return planned(deps.gp(), snapshot, n);
        }
        if (preset.start() == Preset.Start.SOBOL_DESIGN && trials < k) {
            return planned(deps.sobol(), snapshot, n);
        }
        if (preset.source() == Preset.Source.GP) {
            return planned(deps.gp(), snapshot, n);
        }
        if (snapshot.completed().isEmpty()) {
            throw new ProposalFailure("no completed trial to learn from yet", null, n, null);
        }
        long seed = snapshot.proposalSeed();
        LlmSession session = deps.session(snapshot);
        int calls = preset.samplerCalls() != null ? preset.samplerCalls() : deps.settings().templates();
        List<Map<String, Object>> candidates = ask(session, n,
                () -> CandidateSampler.sample(session, deps.card(snapshot), snapshot, calls, seed), "", name() + " failed: ");
        Ranking ranking = ask(session, n, () -> rank(session, snapshot, candidates, seed), "", name() + " failed: ");
        return LlmProposals.of(candidates, ranking, n, session, name(), seed);
    }

    private Ranking rank(LlmSession session, StudySnapshot snapshot, List<Map<String, Object>> candidates, long seed) {
        return switch (preset.scorer()) {
            case IDENTITY -> Ranking.identity(candidates.size(), null);
            case LLM_EI -> {
                try {
                    LlmSurrogate.Prediction p = LlmSurrogate.predict(session, deps.card(snapshot), snapshot, candidates,
                            seed);
                    double best = snapshot.best().orElseThrow().value();
                    double[] ei = new double[candidates.size()];
                    for (int i = 0; i < ei.length; i++) {
                        ei[i] = ExpectedImprovement.of(p.mean()[i], p.sd()[i], best, snapshot.direction());
                    }
                    yield Ranking.by(ei, Preset.Scorer.LLM_EI);
                } catch (LlmFailure e) {
                    yield Ranking.identity(candidates.size(),
                            "surrogate failed, candidates taken in sampler order: " + e.reason());
                }
            }
            case GP_LOGEI -> {
                try {
                    yield Ranking.by(deps.scorer().score(snapshot, candidates), Preset.Scorer.GP_LOGEI);
                } catch (RuntimeException e) {
                    yield Ranking.identity(candidates.size(),
                            "GP scoring failed, candidates taken in sampler order: " + FallbackChain.message(e));
                }
            }
        };
    }

    /** A classical proposer doing part of this preset's method: its proposals carry this preset's name. */
    private List<Proposal> planned(Proposer p, StudySnapshot snapshot, int n) {
        try {
            return FallbackChain.relabel(p.propose(snapshot, n), name());
        } catch (CassetteMiss e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProposalFailure(p.name() + " failed: " + FallbackChain.message(e), null, n, p.name(), e);
        }
    }

    /**
     * Runs a model step; its failure becomes a {@link ProposalFailure} carrying what the session spent: the model's
     * reason after {@code llmPrefix}, any other exception (a bug of ours, a surprise from a library, which must not
     * stop the study either) after {@code bugPrefix}.
     */
    private static <T> T ask(LlmSession session, int wanted, Supplier<T> step, String llmPrefix, String bugPrefix) {
        try {
            return step.get();
        } catch (LlmFailure e) {
            throw new ProposalFailure(llmPrefix + e.reason(), session, wanted, e);
        } catch (CassetteMiss | ProposalFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProposalFailure(bugPrefix + FallbackChain.message(e), session, wanted, e);
        }
    }
}
