package dev.tuneagent.agent.loop;

import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;

/**
 * The resource budget ({@code budget.resource}): one unit per step of intermediate reports, so a pruned
 * trial costs the steps it ran and a study with pruning can be compared with one without at equal cost.
 * A trial that reported no step (a command job that prints only its final metric) costs one unit.
 */
public final class Resources {
    private Resources() {
    }

    /** What a finished trial cost. */
    public static int of(Trial t) {
        return Math.max(1, Intermediate.lastStep(t));
    }

    /** What the study's finished trials cost together. */
    public static long used(StudySnapshot snapshot) {
        return snapshot.trials().stream().filter(t -> t.state().isFinished()).mapToLong(Resources::of).sum();
    }
}
