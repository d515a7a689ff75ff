package dev.tuneagent.tools.job;

/**
 * Receives a running job's intermediate reports (a CV fold, an epoch: the step is the resource used so far)
 * and answers whether the job should stop now because it was pruned. Launchers call it from their own
 * threads, one report at a time per job.
 */
@FunctionalInterface
public interface Reporter {
    Reporter NONE = (step, value) -> false;

    /** @return true when the job must stop (it was pruned at this report) */
    boolean report(int step, double value);

    /** A report that was skipped, and why (a step that went backwards, a non-finite value...). */
    default void problem(String message) {
    }
}
