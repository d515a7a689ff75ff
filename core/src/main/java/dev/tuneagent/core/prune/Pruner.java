package dev.tuneagent.core.prune;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.List;

/**
 * Decides after each intermediate report whether a running trial is hopeless. Pruners are stateless:
 * everything they need is in the snapshot (the other trials' reports, and for PRUNED trials the stored
 * decision), so a resumed study or another worker decides exactly as the first process would.
 */
public interface Pruner {

    /** {@code none}, {@code median}, {@code asha} or {@code hyperband}. */
    String name();

    /**
     * @param snapshot the study, without or with {@code trial} in it (it is ignored there)
     * @param trial    the running trial; {@code reports} are its reports so far, the newest last
     */
    PruneDecision decide(StudySnapshot snapshot, Trial trial, List<Report> reports);

    Pruner NONE = new Pruner() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public PruneDecision decide(StudySnapshot snapshot, Trial trial, List<Report> reports) {
            return PruneDecision.KEEP;
        }
    };
}
