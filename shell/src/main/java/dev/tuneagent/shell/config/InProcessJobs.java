package dev.tuneagent.shell.config;

import dev.tuneagent.agent.task.JobCatalog;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.job.JobLauncher;
import java.time.Clock;

/** In-process training from the tools module. */
final class InProcessJobs {
    private InProcessJobs() {
    }

    static JobCatalog catalog() {
        return new JobCatalog() {
            @Override
            public void validate(InProcessJobSpec job, String metric, SearchSpace space) {
                throw new ConfigException("job.type", "inprocess jobs are not in this build yet; use type: command");
            }

            @Override
            public SearchSpace defaultSpace(InProcessJobSpec job, String metric) {
                throw new ConfigException("job.type", "inprocess jobs are not in this build yet; use type: command");
            }
        };
    }

    static JobLauncher launcher(Clock clock) {
        throw new ConfigException("job.type", "inprocess jobs are not in this build yet; use type: command");
    }
}
