package dev.tuneagent.agent.llambo;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.List;
import java.util.Map;

/** Small views of a snapshot the LLM proposers share. */
public final class Trials {
    private Trials() {
    }

    /** Configurations of every trial, finished or not: a proposal must repeat none of them. */
    public static List<Map<String, Object>> configs(StudySnapshot snapshot) {
        return snapshot.trials().stream().map(Trial::params).toList();
    }
}
