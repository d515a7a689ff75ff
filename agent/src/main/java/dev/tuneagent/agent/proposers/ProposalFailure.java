package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llambo.LlmSession;

/**
 * A proposer could not propose (the model failed, the history is not enough yet, ...): {@link FallbackChain}
 * catches it, asks the next proposer and records {@link #reason()} in provenance with the model usage the failed
 * attempt spent, so it still counts towards the study's cap.
 *
 * @see FallbackChain
 */
final class ProposalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long inputTokens;
    private final long outputTokens;
    private final double costUsd;
    private final int wanted;
    private final String failedProposer;

    /**
     * @param session the session whose usage the failed attempt spent (null: none)
     * @param wanted  how many proposals the failed call should have made (used for an initial design)
     */
    ProposalFailure(String reason, LlmSession session, int wanted, Throwable cause) {
        this(reason, session, wanted, null, cause);
    }

    /** @param failedProposer a fallback of the chain that already failed on this snapshot (skipped), or null */
    ProposalFailure(String reason, LlmSession session, int wanted, String failedProposer, Throwable cause) {
        super(reason, cause);
        this.failedProposer = failedProposer;
        this.inputTokens = session == null ? 0 : session.inputTokens();
        this.outputTokens = session == null ? 0 : session.outputTokens();
        this.costUsd = session == null ? 0 : session.costUsd();
        this.wanted = wanted;
    }

    String reason() {
        return getMessage();
    }

    long inputTokens() {
        return inputTokens;
    }

    long outputTokens() {
        return outputTokens;
    }

    double costUsd() {
        return costUsd;
    }

    int wanted() {
        return wanted;
    }

    String failedProposer() {
        return failedProposer;
    }
}
