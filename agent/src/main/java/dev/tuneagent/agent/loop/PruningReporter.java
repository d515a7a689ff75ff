package dev.tuneagent.agent.loop;

import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.prune.PruneDecision;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.prune.Report;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.tools.job.Reporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connects one running trial's job to the study: each intermediate report is stored first (so it survives
 * a crash), then the pruner decides on the stored history; a prune decision is stored with the trial
 * (attrs {@code pruned}) before the job is told to stop. Skipped reports are kept as
 * {@code report_problems}. A store failure here never kills the job: the report is lost, the trial goes on.
 */
final class PruningReporter implements Reporter {
    static final String PROBLEMS = "report_problems";
    private static final int MAX_PROBLEMS = 5;
    private final StudyStore store;
    private final String study;
    private final int number;
    private final Pruner pruner;
    private final List<String> problems = new ArrayList<>();
    private final long resourceLeft;
    private volatile PruneDecision decision = PruneDecision.KEEP;

    PruningReporter(StudyStore store, String study, int number, Pruner pruner) {
        this(store, study, number, pruner, Long.MAX_VALUE);
    }

    /** @param resourceLeft steps this trial may still use before the study's {@code budget.resource} is spent */
    PruningReporter(StudyStore store, String study, int number, Pruner pruner, long resourceLeft) {
        this.store = store;
        this.study = study;
        this.number = number;
        this.pruner = pruner;
        this.resourceLeft = resourceLeft;
    }

    @Override
    public synchronized boolean report(int step, double value) {
        Trial trial;
        try {
            trial = store.reportIntermediate(study, number, new Report(step, value));
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // The store could not take the report (locked, gone): the report is lost, the trial goes on.
            problem("report at step " + step + " not stored: " + e.getMessage());
            return false;
        }
        PruneDecision d;
        if (step >= resourceLeft) {
            d = new PruneDecision(true, "budget.resource is spent (" + step + " steps of this trial)",
                    Map.of("rule", "resource", "step", step, "value", value));
        } else {
            try {
                d = pruner.decide(store.snapshot(study), trial, Intermediate.of(trial));
            } catch (RuntimeException e) {
                problem("report at step " + step + " not judged: " + e.getMessage());
                return false;
            }
            if (!d.prune()) {
                return false;
            }
        }
        Map<String, Object> why = new LinkedHashMap<>(d.details());
        why.put("reason", d.reason());
        try {
            store.putTrialAttrs(study, number, Map.of(Intermediate.PRUNED, why));
        } catch (RuntimeException e) {
            return false; // a decision that cannot be stored is not taken: the trial runs on
        }
        decision = d;
        return true;
    }

    @Override
    public synchronized void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
            try {
                store.putTrialAttrs(study, number, Map.of(PROBLEMS, List.copyOf(problems)));
            } catch (RuntimeException ignored) {
                // the trial may have finished meanwhile; a lost note about a skipped report is acceptable
            }
        }
    }

    /** The decision that pruned the trial, or {@link PruneDecision#KEEP}. */
    PruneDecision decision() {
        return decision;
    }
}
