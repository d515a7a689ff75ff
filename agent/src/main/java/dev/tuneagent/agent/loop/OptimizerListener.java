package dev.tuneagent.agent.loop;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.List;

/**
 * Observes a running study (progress lines, plots). Listeners observe but cannot break the loop: an
 * exception thrown here is swallowed.
 */
public interface OptimizerListener {

    /** Trials a crashed or interrupted run left RUNNING, now FAILED; their configurations are re-run first. */
    default void recovered(List<Trial> interrupted) {
    }

    /** Something the user should know that is not a trial's progress (e.g. a job left running by a dead run). */
    default void notice(String message) {
    }

    default void trialStarted(Trial trial, int budget) {
    }

    /** {@code after} is the study right after the trial was stored. */
    default void trialFinished(Trial trial, StudySnapshot after) {
    }

    /** Something the user should know that is not a trial's result (e.g. a late result that was not stored). */
    default void warning(String message) {
    }

    OptimizerListener NONE = new OptimizerListener() {
    };
}
