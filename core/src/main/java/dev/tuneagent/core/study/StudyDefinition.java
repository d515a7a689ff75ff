package dev.tuneagent.core.study;

import dev.tuneagent.core.space.SearchSpace;
import java.time.Instant;

/**
 * What a study is, fixed at creation.
 *
 * @param metric    the objective's name (e.g. {@code accuracy})
 * @param seed      the study seed; every proposal's seed derives from it and the trial number
 * @param budget    the number of trials the study should finish
 * @param taskJson  the task the study was created from, as canonical JSON, so {@code resume} can
 *                  rebuild the job and proposer; may be {@code "{}"} for studies made in code
 */
public record StudyDefinition(String name, SearchSpace space, Direction direction, String metric, long seed,
                              int budget, String taskJson, Instant createdAt) {

    public StudyDefinition {
        StudyNames.check(name);
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1 trial, got " + budget);
        }
        if (taskJson == null) {
            taskJson = "{}";
        }
    }
}
