package dev.tuneagent.agent.task;

import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.inprocess.InProcessCatalog;

/** The tools module's catalog of bundled data sets, models, metrics and default spaces. */
public final class ToolsJobCatalog implements JobCatalog {
    private final InProcessCatalog catalog;

    public ToolsJobCatalog(InProcessCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void validate(InProcessJobSpec job, String metric, SearchSpace space) {
        catalog.validate(job, metric, space);
    }

    @Override
    public SearchSpace defaultSpace(InProcessJobSpec job, String metric) {
        return catalog.defaultSpace(job, metric);
    }
}
