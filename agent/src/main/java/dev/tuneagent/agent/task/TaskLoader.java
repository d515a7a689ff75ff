package dev.tuneagent.agent.task;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.StudyNames;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.QueuedConfigs;
import dev.tuneagent.core.task.TaskFileParser;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Task file -> runnable {@link TaskSpec}: the parser checks the structure, this class checks the names
 * against what exists (models, data sets, metrics, proposers) and fills an in-process model's default
 * search space when {@code space:} is omitted.
 */
public final class TaskLoader {
    private final TaskFileParser parser = new TaskFileParser();
    private final ProposerFactory proposers;
    private final JobCatalog catalog;

    public TaskLoader(ProposerFactory proposers, JobCatalog catalog) {
        this.proposers = proposers;
        this.catalog = catalog;
    }

    public TaskSpec load(Path file) {
        return complete(parser.parse(file));
    }

    /** Reads the task a study stored at creation (canonical JSON) back. */
    public TaskSpec fromStoredJson(String json, Path baseDir) {
        return complete(parser.parse(json, baseDir, true));
    }

    /** Checks names and fills defaults. */
    public TaskSpec complete(TaskSpec task) {
        proposers.check("proposer", task.proposer());
        SearchSpace space = task.space();
        if (task.job() instanceof InProcessJobSpec job) {
            catalog.validate(job, task.metric(), space);
            if (space == null) {
                space = catalog.defaultSpace(job, task.metric());
            }
        }
        if (space != null) {
            QueuedConfigs.validate(space, task.enqueue(), "enqueue");
        }
        return task.toBuilder().space(space).build();
    }

    /** Command-line overrides ({@code --name}, {@code --trials}, {@code --proposer}, {@code --seed}); null keeps the task's value. */
    public TaskSpec override(TaskSpec task, String name, Integer trials, String proposer, Long seed) {
        if (trials != null && trials < 1) {
            throw ConfigException.of("--trials", trials, "an integer >= 1");
        }
        if (seed != null && seed < 0) {
            throw ConfigException.of("--seed", seed, "an integer >= 0");
        }
        if (name != null) {
            StudyNames.problem(name).ifPresent(p -> {
                throw new ConfigException("--name", p);
            });
        }
        String p = proposer == null ? task.proposer() : proposer.toLowerCase(Locale.ROOT);
        if (proposer != null) {
            proposers.check("--proposer", p);
        }
        return task.toBuilder().name(name == null ? task.name() : name).trials(trials == null ? task.trials() : trials)
                .proposer(p).seed(seed == null ? task.seed() : seed).build();
    }
}
