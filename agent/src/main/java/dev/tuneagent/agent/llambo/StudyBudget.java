package dev.tuneagent.agent.llambo;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.task.TaskSpec;

/**
 * The study-level cap on model usage ({@code maxTokens}, {@code maxCostUsd} of the task). What was
 * spent is read from the provenance of the study's trials, so the cap survives a resume; once it is
 * reached the proposers stop calling the model and the GP takes over.
 *
 * @param maxTokens  input plus output tokens, or null for no cap
 * @param maxCostUsd estimated dollars, or null for no cap
 */
public record StudyBudget(Long maxTokens, Double maxCostUsd) {

    public static StudyBudget unlimited() {
        return new StudyBudget(null, null);
    }

    public static StudyBudget of(TaskSpec task) {
        return new StudyBudget(task.maxTokens(), task.maxCostUsd());
    }

    /** Tokens and dollars the study's trials already record. */
    public static Spent spent(StudySnapshot snapshot) {
        long tokens = 0;
        double cost = 0;
        for (Trial t : snapshot.trials()) {
            Provenance p = t.provenance();
            if (p != null) {
                tokens += p.inputTokens() + p.outputTokens();
                cost += p.costUsd();
            }
        }
        return new Spent(tokens, cost);
    }

    /** Null when another call is allowed, else the reason the fallback records. */
    public String exhausted(Spent spent) {
        if (maxTokens != null && spent.tokens() >= maxTokens) {
            return "token budget exhausted (" + spent.tokens() + " of " + maxTokens + " tokens used)";
        }
        if (maxCostUsd != null && spent.costUsd() >= maxCostUsd) {
            return String.format(java.util.Locale.ROOT, "cost budget exhausted ($%.4f of $%.4f used)",
                    spent.costUsd(), maxCostUsd);
        }
        return null;
    }

    public record Spent(long tokens, double costUsd) {
        public Spent plus(long t, double c) {
            return new Spent(tokens + t, costUsd + c);
        }
    }
}
