package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Path;

/**
 * A stored study and what runs it: its task and its proposer (wrapped in the fallback chain by {@link StudyRun}).
 * Made by {@link StudyService#create} or {@link StudyService#reopen}.
 */
public record PreparedStudy(TaskSpec task, StudyDefinition definition, Proposer proposer) {

    public String name() {
        return definition.name();
    }

    /** What one {@link Optimizer#run} needs; trials work in {@code studyDir/trial-NNNN}. */
    public StudyRun runIn(Path studyDir) {
        return new StudyRun(definition.name(), task.job(), proposer, studyDir, task.pruner(), task.resource(),
                task.parallel(), false);
    }
}
