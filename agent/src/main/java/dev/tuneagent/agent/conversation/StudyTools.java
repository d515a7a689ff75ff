package dev.tuneagent.agent.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudySummary;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code study_status}, {@code best_trial}, {@code explain_trial}: read-only questions about studies in the store. */
final class StudyTools {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StoreAccess store;

    StudyTools(StoreAccess store) {
        this.store = store;
    }

    List<AgentTool> tools() {
        JsonObjectSchema study = JsonObjectSchema.builder().addStringProperty("study", "the study name").build();
        return List.of(
                new AgentTool(ToolSpecification.builder().name("study_status")
                        .description("Progress of a study: trials per state, budget, best value, proposers. Without "
                                + "study, lists the studies in the store.").parameters(study).build(), this::status),
                new AgentTool(ToolSpecification.builder().name("best_trial")
                        .description("The best finished trial of a study: number, value and parameters.")
                        .parameters(JsonObjectSchema.builder().addStringProperty("study").required("study").build())
                        .build(), this::best),
                new AgentTool(ToolSpecification.builder().name("explain_trial")
                        .description("Why a trial was proposed: proposer, fallback and its reason, model, prompt "
                                + "version, and its stored attributes (candidates and scores, acquisition value).")
                        .parameters(JsonObjectSchema.builder().addStringProperty("study").addIntegerProperty("trial")
                                .required("study", "trial").build()).build(), this::explain));
    }

    private String status(JsonNode args) {
        ToolArgs.only(args, "study_status", "study");
        String name = ToolArgs.text(args, "study");
        return store.read(s -> {
            if (name == null) {
                ArrayNode list = JSON.createArrayNode();
                for (StudySummary sum : s.listStudies()) {
                    list.addObject().put("study", sum.definition().name()).put("finished", sum.finished())
                            .put("budget", sum.definition().budget());
                }
                return JSON.createObjectNode().put("store", s.location()).set("studies", list).toString();
            }
            StudySnapshot snap = snapshot(s, name);
            StudyDefinition d = snap.study();
            ObjectNode out = JSON.createObjectNode().put("study", name)
                    .put("objective", d.direction().lower() + " " + d.metric()).put("budget", d.budget());
            Map<String, Integer> states = new TreeMap<>();
            Map<String, Integer> proposers = new TreeMap<>();
            for (Trial t : snap.trials()) {
                states.merge(t.state().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                if (t.provenance() != null) {
                    proposers.merge(t.provenance().proposer(), 1, Integer::sum);
                }
            }
            out.put("finished", snap.trials().stream().filter(t -> t.state().isFinished()).count());
            out.set("trials", JSON.valueToTree(states));
            out.set("proposers", JSON.valueToTree(proposers));
            snap.best().ifPresent(b -> out.set("best", trial(b)));
            return out.toString();
        });
    }

    private String best(JsonNode args) {
        ToolArgs.only(args, "best_trial", "study");
        String name = ToolArgs.requiredText(args, "study");
        return store.read(s -> snapshot(s, name).best().map(b -> trial(b).toString())
                .orElse("study \"" + name + "\" has no COMPLETE trial yet"));
    }

    private String explain(JsonNode args) {
        ToolArgs.only(args, "explain_trial", "study", "trial");
        String name = ToolArgs.requiredText(args, "study");
        int number = ToolArgs.requiredInt(args, "trial");
        return store.read(s -> {
            Trial t = snapshot(s, name).trials().stream().filter(x -> x.number() == number).findFirst()
                    .orElseThrow(() -> new ToolRefusal("trial: study \"" + name + "\" has no trial " + number));
            ObjectNode out = trial(t);
            Provenance p = t.provenance();
            if (p != null) {
                ObjectNode prov = out.putObject("provenance").put("proposer", p.proposer()).put("seed", p.seed())
                        .put("input_tokens", p.inputTokens()).put("output_tokens", p.outputTokens());
                if (p.model() != null) {
                    prov.put("model", p.model());
                }
                if (p.promptVersion() != null) {
                    prov.put("prompt_version", p.promptVersion());
                }
                if (p.fallback() != null) {
                    prov.put("fallback", p.fallback());
                }
            }
            out.set("attrs", JSON.valueToTree(t.attrs()));
            if (t.message() != null) {
                out.put("message", t.message());
            }
            return out.toString();
        });
    }

    private static StudySnapshot snapshot(StudyStore s, String name) {
        if (s.findStudy(name).isEmpty()) {
            throw new ToolRefusal("study: no study named \"" + name + "\" in " + s.location()
                    + " (study_status without arguments lists them)");
        }
        return s.snapshot(name);
    }

    private static ObjectNode trial(Trial t) {
        ObjectNode o = JSON.createObjectNode().put("number", t.number()).put("state", t.state().name());
        if (t.value() != null) {
            o.put("value", t.value());
        }
        o.set("params", JSON.valueToTree(t.params()));
        if (t.state() == TrialState.COMPLETE && !t.metrics().isEmpty()) {
            o.set("metrics", JSON.valueToTree(t.metrics()));
        }
        return o;
    }
}
