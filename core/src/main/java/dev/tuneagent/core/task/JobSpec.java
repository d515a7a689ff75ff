package dev.tuneagent.core.task;

/** How a trial is evaluated: the {@code job:} section of a task file. */
public sealed interface JobSpec permits InProcessJobSpec, CommandJobSpec, SlurmJobSpec {

    /** The {@code type:} value in a task file. */
    String type();
}
