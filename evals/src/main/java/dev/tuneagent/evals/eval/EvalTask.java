package dev.tuneagent.evals.eval;

import dev.tuneagent.core.study.Direction;

/**
 * One task of a suite: a test function, a Bayesmark-style {@code MODEL-DATASET} tuning task, or a user's task
 * file. {@link #setup} builds what one cell (proposer × this task × seed) needs to run a real study.
 */
public sealed interface EvalTask permits SyntheticTask, MlTask, FileTask {

    String name();

    String metric();

    Direction direction();

    /** The study and launcher of one cell; {@code anonymize} only matters for test functions. */
    CellSetup setup(long seed, int trials, boolean anonymize);
}
