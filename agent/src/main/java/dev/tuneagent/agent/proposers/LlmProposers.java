package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.proposer.Proposer;
import java.util.List;
import java.util.Optional;

/** The LLM proposers by the names task files and {@code --proposer} use: the presets of {@link SampleAndRankProposer}. */
public final class LlmProposers {
    public static final List<String> NAMES = Preset.ALL.stream().map(Preset::name).toList();

    private LlmProposers() {
    }

    public static boolean isLlm(String name) {
        return NAMES.contains(name);
    }

    /** The preset named {@code name} inside its fallback chain (the deps' GP, then Sobol, then random points). */
    public static Optional<Proposer> create(String name, LlmDeps deps) {
        return Preset.named(name).map(p -> new FallbackChain(new SampleAndRankProposer(p, deps),
                List.of(deps.gp(), deps.sobol())));
    }
}
