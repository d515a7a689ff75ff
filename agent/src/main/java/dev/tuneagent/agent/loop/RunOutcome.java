package dev.tuneagent.agent.loop;

import dev.tuneagent.core.study.StudySnapshot;

/**
 * How a run ended.
 *
 * @param finished  true when the budget is used up; false when it was cancelled (Ctrl-C) and can be resumed
 * @param trialsRun trials started by this run
 * @param recovered trials a previous run left RUNNING that this run marked FAILED
 */
public record RunOutcome(boolean finished, int trialsRun, int recovered, StudySnapshot last) {
}
