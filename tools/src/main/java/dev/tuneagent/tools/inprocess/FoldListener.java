package dev.tuneagent.tools.inprocess;

import java.util.Map;

/**
 * Told after each cross-validation fold how many folds are done and each metric's mean so far: the folds
 * are the steps of an in-process trial's intermediate reports. It may stop the evaluation by throwing.
 */
@FunctionalInterface
public interface FoldListener {
    FoldListener NONE = (done, meanSoFar) -> {
    };

    void afterFold(int done, Map<String, Double> meanSoFar);
}
