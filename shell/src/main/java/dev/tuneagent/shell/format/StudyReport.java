package dev.tuneagent.shell.format;

import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The end-of-run summary and the {@code status} report. */
public final class StudyReport {
    private StudyReport() {
    }

    public static String best(StudySnapshot s) {
        StudyDefinition d = s.study();
        return s.best().map(b -> {
            StringBuilder sb = new StringBuilder("Best: " + d.metric() + " = " + Values.number(b.value()) + " (trial #"
                    + b.number() + ", " + d.direction().lower() + ")\n");
            int w = b.params().keySet().stream().mapToInt(String::length).max().orElse(0);
            b.params().forEach((k, v) -> sb.append("  ").append(k).append(" ".repeat(w - k.length())).append(" = ")
                    .append(Values.value(v)).append('\n'));
            return sb.toString();
        }).orElse("Best: no COMPLETE trial yet\n");
    }

    public static String counts(StudySnapshot s) {
        Map<TrialState, Integer> c = new TreeMap<>();
        for (Trial t : s.trials()) {
            c.merge(t.state(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        for (TrialState st : TrialState.values()) {
            if (c.containsKey(st)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(c.get(st)).append(' ').append(st.name().toLowerCase(Locale.ROOT));
            }
        }
        return sb.length() == 0 ? "no trials" : sb.toString();
    }

    /**
     * PRUNED trials and the report steps they saved against a full trial (the most steps a COMPLETE trial
     * reported), and the resource used against {@code budget.resource}; empty when neither applies.
     */
    static String pruning(StudySnapshot s) {
        Integer limit = resourceLimit(s.study());
        long pruned = s.trials().stream().filter(t -> t.state() == TrialState.PRUNED).count();
        if (pruned == 0 && limit == null) {
            return "";
        }
        int full = s.trials().stream().filter(Trial::isComplete).mapToInt(Intermediate::lastStep).max().orElse(0);
        long saved = s.trials().stream().filter(t -> t.state() == TrialState.PRUNED)
                .mapToLong(t -> Math.max(0, full - Intermediate.lastStep(t))).sum();
        long used = s.trials().stream().filter(t -> t.state().isFinished())
                .mapToLong(t -> Math.max(1, Intermediate.lastStep(t))).sum();
        StringBuilder b = new StringBuilder();
        b.append(pruned).append(" pruned");
        if (full > 0) {
            b.append(", ").append(saved).append(" steps saved (a full trial is ").append(full).append(" steps)");
        }
        b.append("; resource used ").append(used).append(limit == null ? " steps" : " of " + limit + " steps");
        return b.toString();
    }

    private static Integer resourceLimit(StudyDefinition d) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.taskJson()).path("budget")
                    .path("resource");
            return node.isInt() ? node.asInt() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    public static String status(StudySnapshot s, String location) {
        StudyDefinition d = s.study();
        long finished = s.trials().stream().filter(t -> t.state().isFinished()).count();
        long in = 0;
        long out = 0;
        double cost = 0;
        long fallbacks = 0;
        Map<String, Integer> byProposer = new TreeMap<>();
        for (Trial t : s.trials()) {
            Provenance p = t.provenance();
            if (p != null) {
                in += p.inputTokens();
                out += p.outputTokens();
                cost += p.costUsd();
                byProposer.merge(p.proposer(), 1, Integer::sum);
                // A re-run copies its original's provenance: count that fallback once.
                if (p.fallback() != null && !TrialAttrs.is(t, TrialAttrs.SOURCE, TrialAttrs.SOURCE_RERUN)) {
                    fallbacks++;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Study:     ").append(d.name()).append("  (").append(location).append(")\n");
        sb.append("Objective: ").append(d.direction().lower()).append(' ').append(d.metric()).append('\n');
        sb.append("Budget:    ").append(finished).append('/').append(d.budget()).append(" trials finished")
                .append(finished >= d.budget() ? " (done)" : "").append('\n');
        sb.append("Trials:    ").append(counts(s)).append('\n');
        long waiting = s.trials().stream().filter(t -> t.state() == TrialState.WAITING).count();
        if (waiting > 0) {
            sb.append("Queued:    ").append(waiting).append(" waiting (")
                    .append(String.join(", ", s.trials().stream().filter(t -> t.state() == TrialState.WAITING)
                            .map(t -> "#" + t.number() + " " + Values.origin(t)).toList()))
                    .append("); they run first when the study runs\n");
        }
        String pruning = pruning(s);
        if (!pruning.isEmpty()) {
            sb.append("Pruning:   ").append(pruning).append('\n');
        }
        sb.append("Proposers: ").append(byProposer.isEmpty() ? "-" : byProposer.toString().replaceAll("[{}]", ""))
                .append(fallbacks > 0 ? "  (" + fallbacks + " fallbacks)" : "").append('\n');
        sb.append("LLM usage: ").append(in).append(" input + ").append(out).append(" output tokens, $")
                .append(String.format(Locale.ROOT, "%.4f", cost)).append('\n');
        sb.append(best(s));
        return sb.toString();
    }
}
