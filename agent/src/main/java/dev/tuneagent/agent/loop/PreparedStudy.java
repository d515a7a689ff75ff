package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Path;

/**
 * A stored study and what runs it: its task, its proposer and the proposer that takes over when that one fails.
 * Made by {@link StudyService#create} or {@link StudyService#reopen}.
 */
public record PreparedStudy(TaskSpec task, StudyDefinition definition, Proposer proposer, Proposer fallback) {

    public String name() {
        return definition.name();
    }

    /** What one {@link Optimizer#run} needs; trials work in {@code studyDir/trial-NNNN}. */
    public StudyRun runIn(Path studyDir) {
        return new StudyRun(definition.name(), task.job(), proposer, fallback, studyDir, task.pruner(), task.resource());
    }
}
