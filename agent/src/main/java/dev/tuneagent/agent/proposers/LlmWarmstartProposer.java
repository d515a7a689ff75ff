package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;

/** The LLM's zero-shot initial design (one call), then the GP proposer for the rest of the study. */
public final class LlmWarmstartProposer implements Proposer {
    public static final String NAME = "llm-warmstart";
    private final LlmDeps deps;
    private final WarmStartDesign warmStart;

    public LlmWarmstartProposer(LlmDeps deps) {
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
        return FallbackChain.relabel(deps.chain().delegate(deps.gp(), snapshot, n), NAME);
    }
}
