package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;
import java.util.Map;

/** Scores candidate configurations given a study's history; larger is better (e.g. the GP's expected improvement). */
@FunctionalInterface
public interface CandidateScorer {
    double[] score(StudySnapshot snapshot, List<Map<String, Object>> candidates);
}
