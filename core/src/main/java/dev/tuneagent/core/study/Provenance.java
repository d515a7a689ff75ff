package dev.tuneagent.core.study;

/**
 * Where a trial's configuration came from: which proposer, with which prompt version and model,
 * from which seed, whether a fallback happened (and why), and what the model call cost.
 *
 * @param proposer      the proposer that produced the configuration (e.g. {@code gp}, {@code sobol})
 * @param promptVersion prompt template version for LLM proposers, else null
 * @param model         {@code provider:name} for LLM proposers, else null
 * @param seed          the seed the proposer used for this proposal
 * @param fallback      null when the requested proposer answered; else why the chain fell back
 * @param inputTokens   tokens sent to a model for this proposal (0 for classical proposers)
 * @param outputTokens  tokens received
 * @param costUsd       estimated dollar cost of the calls for this proposal
 */
public record Provenance(String proposer, String promptVersion, String model, long seed, String fallback,
                         long inputTokens, long outputTokens, double costUsd) {

    public Provenance {
        if (proposer == null || proposer.isBlank()) {
            throw new IllegalArgumentException("provenance needs a proposer name");
        }
    }

    public static Provenance of(String proposer, long seed) {
        return new Provenance(proposer, null, null, seed, null, 0, 0, 0.0);
    }

    public Provenance withFallback(String reason) {
        return new Provenance(proposer, promptVersion, model, seed, reason, inputTokens, outputTokens, costUsd);
    }

    public Provenance withUsage(long in, long out, double cost) {
        return new Provenance(proposer, promptVersion, model, seed, fallback, in, out, cost);
    }
}
