package dev.tuneagent.agent.proposers;

import java.util.List;
import java.util.Optional;

/**
 * One named way to run {@link SampleAndRankProposer}: how the study starts, where each proposal's candidates come
 * from, and who ranks them. The names are what task files and {@code --proposer} use.
 *
 * @param start   the first trials: the LLM's zero-shot warm start (enqueued once, see
 *                {@link SampleAndRankProposer#initialDesign}), or the GP's or Sobol's own initial design
 * @param source  after the start: the LLM sampler (with {@code samplerCalls} calls, null: the settings' templates)
 *                or the GP proposer itself
 * @param scorer  how sampled candidates are ranked
 */
public record Preset(String name, Start start, Source source, Integer samplerCalls, Scorer scorer, String summary) {

    public enum Start { LLM_WARMSTART, GP_DESIGN, SOBOL_DESIGN }

    public enum Source { LLM_SAMPLER, GP }

    /** The {@code scorer} names recorded with each candidate in {@code TrialAttrs.CANDIDATES}. */
    public enum Scorer {
        /** The sampler's order: the first candidate scores k, the last 1. */
        IDENTITY("identity"),
        /** LLAMBO: the LLM surrogate's predictions and expected improvement over the best score. */
        LLM_EI("llm-ei"),
        /** The GP's log expected improvement, under the model the {@code gp} proposer fits. */
        GP_LOGEI("gp-logei");

        private final String id;

        Scorer(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final Preset LLAMBO = new Preset("llambo", Start.LLM_WARMSTART, Source.LLM_SAMPLER, null,
            Scorer.LLM_EI, "LLAMBO: warm start, sampler, LLM surrogate + EI");
    public static final Preset LLM_SAMPLER = new Preset("llm-sampler", Start.SOBOL_DESIGN, Source.LLM_SAMPLER, null,
            Scorer.IDENTITY, "Sobol start, then the sampler's candidates in its order");
    public static final Preset HYBRID = new Preset("hybrid", Start.GP_DESIGN, Source.LLM_SAMPLER, 1, Scorer.GP_LOGEI,
            "the GP's start, then one sampler call ranked by the GP's log EI");
    public static final Preset HYBRID_WARMSTART = new Preset("hybrid-warmstart", Start.LLM_WARMSTART,
            Source.LLM_SAMPLER, 1, Scorer.GP_LOGEI, "warm start, then one sampler call ranked by the GP's log EI");
    public static final Preset LLM_WARMSTART = new Preset("llm-warmstart", Start.LLM_WARMSTART, Source.GP, null,
            Scorer.IDENTITY, "warm start, then the GP");

    public static final List<Preset> ALL = List.of(LLAMBO, LLM_SAMPLER, HYBRID, LLM_WARMSTART, HYBRID_WARMSTART);

    public static Optional<Preset> named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
    }
}
