package dev.tuneagent.shell.format;

import dev.tuneagent.core.analysis.TrialExplanation;
import dev.tuneagent.core.analysis.TrialExplanation.Candidate;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import java.util.Locale;

/** {@code tune explain} for people: one fact per line, then the ranked candidates as a table. */
public final class ExplainText {
    /** Longer candidate lists are cut; {@code --json} has them all. */
    static final int MAX_CANDIDATES = 10;

    private ExplainText() {
    }

    public static String render(TrialExplanation e) {
        Trial t = e.trial();
        Provenance p = t.provenance();
        StringBuilder sb = new StringBuilder();
        sb.append("Trial #").append(t.number()).append(" of study ").append(e.study()).append('\n');
        sb.append("Outcome:     ").append(outcome(e)).append('\n');
        if (!e.pruned().isEmpty()) {
            Object reason = e.pruned().get("reason");
            sb.append("Pruned:      ").append(reason != null ? reason : e.pruned()).append('\n');
        }
        if (!e.reports().isEmpty()) {
            sb.append("Reports:     ").append(String.join("  ", e.reports().stream()
                    .map(r -> "step " + r.step() + ": " + Values.number(r.value())).toList())).append('\n');
        }
        sb.append("Parameters:  ").append(t.params().isEmpty() ? "-" : Values.params(t.params())).append('\n');
        if (e.origin() != null || e.rerunOf() != null) {
            sb.append("Origin:      ").append(origin(e)).append('\n');
        }
        if (p == null) {
            sb.append("Proposer:    - (no provenance stored)\n");
        } else {
            sb.append("Proposer:    ").append(p.proposer()).append(details(p)).append('\n');
            sb.append("Fallback:    ").append(p.fallback() == null ? "none (the study's proposer answered)" : p.fallback())
                    .append('\n');
            if (p.model() != null || p.inputTokens() + p.outputTokens() > 0) {
                sb.append("LLM usage:   ").append(p.inputTokens()).append(" input + ").append(p.outputTokens())
                        .append(" output tokens, $").append(String.format(Locale.ROOT, "%.4f", p.costUsd())).append('\n');
            }
        }
        if (e.acquisition() != null) {
            sb.append("Acquisition: ").append(e.acquisition().name()).append(" = ")
                    .append(Values.number(e.acquisition().value())).append(" at this point (the highest the GP's search found)\n");
        }
        if (!e.candidates().isEmpty()) {
            sb.append(candidates(e));
        }
        return sb.toString();
    }

    private static String outcome(TrialExplanation e) {
        Trial t = e.trial();
        return switch (t.state()) {
            case COMPLETE -> "COMPLETE, " + e.metric() + " = " + Values.number(t.value()) + " (" + e.direction()
                    + (e.newBest() ? "; a new best when it finished)" : ")");
            case FAILED, PRUNED -> t.state() + ": " + (t.message() == null ? "no reason stored" : Values.firstLine(t.message(), 200));
            default -> t.state() + " (not finished)";
        };
    }

    private static String origin(TrialExplanation e) {
        String source = e.origin() == null ? "" : e.origin();
        return switch (source) {
            case "enqueue" -> "queued by the user (the task's enqueue list)";
            case "warmstart" -> "the LLM's warm-start design, queued before the first trial";
            case "rerun" -> "a re-run of " + (e.rerunOf() == null ? "an interrupted trial" : "interrupted trial #" + e.rerunOf());
            default -> source.isEmpty() ? "asked of the proposer" : source;
        } + (e.rerunOf() != null && !source.equals("rerun") ? " (re-runs trial #" + e.rerunOf() + ")" : "");
    }

    private static String details(Provenance p) {
        StringBuilder d = new StringBuilder();
        if (p.model() != null) {
            d.append("model ").append(p.model()).append(", ");
        }
        if (p.promptVersion() != null) {
            d.append("prompt ").append(p.promptVersion()).append(", ");
        }
        d.append("seed ").append(p.seed());
        return "  (" + d + ")";
    }

    private static String candidates(TrialExplanation e) {
        var scorers = e.candidates().stream().map(Candidate::scorer).filter(java.util.Objects::nonNull).distinct().toList();
        StringBuilder sb = new StringBuilder("Candidates:  ").append(e.candidates().size()).append(" ranked")
                .append(scorers.isEmpty() ? "" : " by " + String.join(", ", scorers)).append("; the first was chosen")
                .append(scorers.contains("gp-logei") ? " (score: the GP's log expected improvement)"
                        : scorers.contains("llm-ei") ? " (score: expected improvement under the LLM surrogate)" : "")
                .append('\n');
        Table table = new Table("#", "SCORE", "PARAMS");
        int shown = Math.min(MAX_CANDIDATES, e.candidates().size());
        for (int i = 0; i < shown; i++) {
            Candidate c = e.candidates().get(i);
            table.row(i + 1, Values.number(c.score()), Values.params(c.params()));
        }
        table.render().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        if (shown < e.candidates().size()) {
            sb.append("  (").append(e.candidates().size() - shown).append(" more: --json lists them all)\n");
        }
        return sb.toString();
    }
}
