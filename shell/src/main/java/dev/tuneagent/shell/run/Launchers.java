package dev.tuneagent.shell.run;

import dev.tuneagent.core.task.JobSpec;
import dev.tuneagent.tools.job.JobLauncher;

/** Opens the launcher a job needs; the caller closes it. */
@FunctionalInterface
public interface Launchers {
    JobLauncher open(JobSpec job);
}
