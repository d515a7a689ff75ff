package dev.tuneagent.evals.bench;

/**
 * One proposer on one function with one seed: the simple-regret curve (best value so far minus the global
 * minimum after each trial, clamped at {@link BenchRun#REGRET_FLOOR}) and the proposer's mean wall time per
 * trial. Field names follow the anchors' JSONL lines.
 */
public record RunResult(String function, String sampler, long seed, double[] regret, double msPerTrial) {

    public RunResult {
        regret = regret.clone();
    }

    @Override
    public double[] regret() {
        return regret.clone();
    }

    public int trials() {
        return regret.length;
    }

    /** Regret after {@code n} trials (1-based), as summarize.py reads {@code regret[n - 1]}. */
    public double regretAt(int n) {
        return regret[n - 1];
    }
}
