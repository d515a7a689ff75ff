package dev.tuneagent.surrogate.proposer;

/**
 * The GP could not model a study's history (a factorization that fails even with jitter, non-finite
 * hyperparameters, ...). {@link GpProposer} throws it instead of quietly answering with other points, so
 * the one fallback policy (agent's {@code FallbackChain}: gp, then sobol, then random) decides what
 * happens and records why.
 */
public final class GpModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GpModelException(int trials, RuntimeException cause) {
        super("the GP could not model this history of " + trials + " trials (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", cause);
    }
}
