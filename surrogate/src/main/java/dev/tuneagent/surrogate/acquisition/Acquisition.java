package dev.tuneagent.surrogate.acquisition;

/** An acquisition of a Gaussian belief, larger is better, with its derivatives for gradient ascent. */
public interface Acquisition {

    /** Returns {@code [value, dvalue/dmean, dvalue/dsd]}. */
    double[] valueAndDerivatives(double mean, double sd);

    /** log EI over the incumbent {@code best} for a loss being minimized. */
    static Acquisition logEi(double best) {
        return (mean, sd) -> Acquisitions.logExpectedImprovementWithDerivatives(mean, sd, best);
    }

    /** UCB on the negated loss, {@code -mean + sqrt(beta) sd}. */
    static Acquisition ucb(double beta) {
        double k = Math.sqrt(beta);
        return (mean, sd) -> new double[] {-mean + k * sd, -1, k};
    }
}
