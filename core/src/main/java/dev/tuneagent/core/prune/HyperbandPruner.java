package dev.tuneagent.core.prune;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Hyperband as brackets of asynchronous successive halving, with the meaning of Optuna's
 * {@code HyperbandPruner}: {@code floor(log_eta(max/min)) + 1} brackets, bracket b starting its first rung
 * at {@code min * eta^b}; a trial joins a bracket by a CRC-32 of {@code "STUDY_NUMBER"} weighted by each
 * bracket's trial allocation {@code ceil(n * eta^s / (s + 1))}, and competes only with its bracket.
 */
public record HyperbandPruner(int minResource, int maxResource, int reductionFactor) implements Pruner {

    public HyperbandPruner {
        if (minResource < 1 || reductionFactor < 2 || maxResource <= minResource) {
            throw new IllegalArgumentException("hyperband: min_resource must be >= 1, max_resource > min_resource"
                    + " and reduction_factor >= 2");
        }
    }

    @Override
    public String name() {
        return "hyperband";
    }

    public int brackets() {
        return (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor) + 1e-9) + 1;
    }

    /** Optuna's trial allocation budget of a bracket. */
    int allocation(int bracket) {
        int n = brackets();
        int s = n - 1 - bracket;
        return (int) Math.ceil(n * Math.pow(reductionFactor, s) / (s + 1));
    }

    public int bracketOf(String study, int number) {
        int total = 0;
        for (int b = 0; b < brackets(); b++) {
            total += allocation(b);
        }
        CRC32 crc = new CRC32();
        crc.update((study + "_" + number).getBytes(StandardCharsets.UTF_8));
        long n = crc.getValue() % total;
        for (int b = 0; b < brackets(); b++) {
            n -= allocation(b);
            if (n < 0) {
                return b;
            }
        }
        throw new IllegalStateException("unreachable: bracket allocation");
    }

    @Override
    public PruneDecision decide(StudySnapshot snapshot, Trial trial, List<Report> reports) {
        String study = snapshot.study().name();
        int bracket = bracketOf(study, trial.number());
        var sha = new SuccessiveHalvingPruner(minResource, reductionFactor, bracket, 0);
        PruneDecision d = sha.decide(snapshot, trial, reports, t -> bracketOf(study, t.number()) == bracket);
        if (!d.prune()) {
            return d;
        }
        Map<String, Object> details = new LinkedHashMap<>(d.details());
        details.put("rule", name());
        details.put("bracket", bracket);
        return new PruneDecision(true, "hyperband bracket " + bracket + ", " + d.reason(), details);
    }
}
