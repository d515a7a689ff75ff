package dev.tuneagent.core.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.prune.Report;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a trial was proposed and how it ended, read from its provenance and its typed attributes
 * ({@link TrialAttrs}): the data behind {@code tune explain} (and anything else that answers "why this one?").
 * Attributes that do not have the documented shape are left out rather than trusted.
 *
 * @param origin       the {@link TrialAttrs#SOURCE} a queued trial carries ({@code enqueue}, {@code warmstart},
 *                     {@code rerun}); null when the proposer was asked (or the study predates the attribute)
 * @param rerunOf      the interrupted trial this one evaluates again, else null
 * @param acquisition  the GP acquisition and its value at the point, else null
 * @param candidates   the candidates an LLM proposer ranked (chosen one first), else empty
 * @param newBest      whether the trial beat every COMPLETE trial numbered before it
 * @param reports      the trial's intermediate reports (steps of a pruned or budgeted study), else empty
 * @param pruned       why a pruner stopped the trial: rule, step, value, threshold, rung, reason; else empty
 */
public record TrialExplanation(String study, String metric, String direction, Trial trial, String origin,
                               Integer rerunOf, Acquisition acquisition, List<Candidate> candidates, boolean newBest,
                               List<Report> reports, Map<String, Object> pruned) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Acquisition(String name, double value) {
    }

    /** @param score null when the proposer stored none; @param scorer e.g. {@code gp-logei}, {@code llm-ei} */
    public record Candidate(Map<String, Object> params, Double score, String scorer) {
    }

    public TrialExplanation {
        candidates = List.copyOf(candidates);
        reports = List.copyOf(reports);
        pruned = pruned == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pruned));
    }

    /** The explanation of trial {@code number}, or empty when the study has no such trial. */
    public static Optional<TrialExplanation> of(StudySnapshot s, int number) {
        Optional<Trial> found = s.trials().stream().filter(t -> t.number() == number).findFirst();
        return found.map(t -> new TrialExplanation(s.study().name(), s.study().metric(), s.study().direction().lower(), t,
                origin(t), TrialAttrs.integer(t, TrialAttrs.RERUN_OF), acquisition(t), candidates(t), newBest(s, t),
                Intermediate.of(t), pruned(t)));
    }

    public Provenance provenance() {
        return trial.provenance();
    }

    /** The same facts as one JSON object (snake_case keys; absent facts are null or empty). */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("study", study);
        n.put("number", trial.number());
        n.put("metric", metric);
        n.put("direction", direction);
        n.put("state", trial.state().name());
        putNumber(n, "value", trial.value());
        n.put("message", trial.message());
        n.put("new_best", newBest);
        n.set("params", JSON.valueToTree(trial.params()));
        Provenance p = trial.provenance();
        n.put("proposer", p == null ? null : p.proposer());
        n.put("fallback", p == null ? null : p.fallback());
        n.put("model", p == null ? null : p.model());
        n.put("prompt_version", p == null ? null : p.promptVersion());
        if (p == null) {
            n.putNull("seed");
        } else {
            n.put("seed", p.seed());
        }
        n.putObject("usage").put("input_tokens", p == null ? 0 : p.inputTokens())
                .put("output_tokens", p == null ? 0 : p.outputTokens()).put("cost_usd", p == null ? 0.0 : p.costUsd());
        n.put("origin", origin);
        if (rerunOf == null) {
            n.putNull("rerun_of");
        } else {
            n.put("rerun_of", rerunOf);
        }
        if (acquisition == null) {
            n.putNull("acquisition");
        } else {
            n.putObject("acquisition").put("name", acquisition.name()).put("value", acquisition.value());
        }
        var steps = n.putArray("intermediate");
        reports.forEach(r -> steps.addArray().add(r.step()).add(r.value()));
        n.set("pruned", pruned.isEmpty() ? null : JSON.valueToTree(pruned));
        var list = n.putArray("candidates");
        for (Candidate c : candidates) {
            ObjectNode o = list.addObject();
            o.set("params", JSON.valueToTree(c.params()));
            putNumber(o, "score", c.score());
            o.put("scorer", c.scorer());
        }
        return n;
    }

    private static void putNumber(ObjectNode n, String key, Double v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static String origin(Trial t) {
        return TrialAttrs.string(t, TrialAttrs.SOURCE);
    }

    private static Map<String, Object> pruned(Trial t) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (t.attrs().get(Intermediate.PRUNED) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static Acquisition acquisition(Trial t) {
        if (t.attrs().get(TrialAttrs.ACQUISITION) instanceof Map<?, ?> m && m.get("name") instanceof String name
                && m.get("value") instanceof Number v) {
            return new Acquisition(name, v.doubleValue());
        }
        return null;
    }

    private static List<Candidate> candidates(Trial t) {
        List<Candidate> out = new ArrayList<>();
        if (t.attrs().get(TrialAttrs.CANDIDATES) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("params") instanceof Map<?, ?> params) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    params.forEach((k, v) -> p.put(String.valueOf(k), v));
                    Double score = m.get("score") instanceof Number s ? s.doubleValue() : null;
                    out.add(new Candidate(p, score, m.get("scorer") instanceof String s ? s : null));
                }
            }
        }
        return out;
    }

    private static boolean newBest(StudySnapshot s, Trial t) {
        if (!t.isComplete()) {
            return false;
        }
        return s.completed().stream().filter(o -> o.number() < t.number())
                .allMatch(o -> s.direction().better(t.value(), o.value()));
    }
}
