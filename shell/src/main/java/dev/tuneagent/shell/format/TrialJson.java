package dev.tuneagent.shell.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import java.util.List;

/** The {@code --json} forms: one object per trial ({@code number, state, value, params, ...}). */
public final class TrialJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialJson() {
    }

    public static ObjectNode trial(Trial t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("number", t.number());
        n.put("state", t.state().name());
        if (t.value() == null) {
            n.putNull("value");
        } else {
            n.put("value", t.value());
        }
        n.set("params", JSON.valueToTree(t.params()));
        n.set("metrics", JSON.valueToTree(t.metrics()));
        if (t.message() == null) {
            n.putNull("message");
        } else {
            n.put("message", t.message());
        }
        Provenance p = t.provenance();
        n.set("provenance", p == null ? null : JSON.valueToTree(p));
        n.put("started_at", t.startedAt() == null ? null : t.startedAt().toString());
        n.put("finished_at", t.finishedAt() == null ? null : t.finishedAt().toString());
        n.set("attrs", JSON.valueToTree(t.attrs()));
        return n;
    }

    public static String array(List<Trial> trials) {
        ArrayNode a = JSON.createArrayNode();
        trials.forEach(t -> a.add(trial(t)));
        return write(a);
    }

    public static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
