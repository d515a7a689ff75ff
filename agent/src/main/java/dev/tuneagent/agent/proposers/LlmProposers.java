package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.proposer.Proposer;
import java.util.List;
import java.util.Optional;

/** The LLM proposers by the names task files and {@code --proposer} use. */
public final class LlmProposers {
    public static final List<String> NAMES = List.of(LlamboProposer.NAME, LlmSamplerProposer.NAME, HybridProposer.NAME,
            LlmWarmstartProposer.NAME);

    private LlmProposers() {
    }

    public static boolean isLlm(String name) {
        return NAMES.contains(name);
    }

    public static Optional<Proposer> create(String name, LlmDeps deps) {
        return Optional.ofNullable(switch (name) {
            case LlamboProposer.NAME -> new LlamboProposer(deps);
            case LlmSamplerProposer.NAME -> new LlmSamplerProposer(deps);
            case HybridProposer.NAME -> new HybridProposer(deps);
            case LlmWarmstartProposer.NAME -> new LlmWarmstartProposer(deps);
            default -> null;
        });
    }
}
