package dev.tuneagent.agent.loop;

import dev.tuneagent.core.study.StudySnapshot;

/**
 * How a run ended.
 *
 * @param finished  true when the budget is used up; false when it was cancelled (Ctrl-C) and can be resumed
 * @param trialsRun trials started by this run
 * @param recovered trials a previous run left RUNNING that this run marked FAILED
 * @param exhausted true when the run stopped before the budget because neither the proposer nor its
 *                  fallback could find a configuration that had not been tried (a small discrete space)
 */
public record RunOutcome(boolean finished, int trialsRun, int recovered, StudySnapshot last, boolean exhausted) {

    public RunOutcome(boolean finished, int trialsRun, int recovered, StudySnapshot last) {
        this(finished, trialsRun, recovered, last, false);
    }
}
