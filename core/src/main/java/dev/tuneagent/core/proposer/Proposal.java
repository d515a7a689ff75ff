package dev.tuneagent.core.proposer;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.TrialAttrs;
import java.util.Map;

/**
 * A configuration a proposer wants evaluated, where it came from, and typed attributes that the trial
 * will carry (e.g. the acquisition value or the model's candidate scores, for {@code explain}).
 */
public record Proposal(Map<String, Object> params, Provenance provenance, Map<String, Object> attrs) {
    public Proposal {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        attrs = TrialAttrs.copy(attrs);
    }

    public Proposal(Map<String, Object> params, Provenance provenance) {
        this(params, provenance, Map.of());
    }

    public Proposal withProvenance(Provenance p) {
        return new Proposal(params, p, attrs);
    }

    /** This proposal with {@code more} attributes added (later keys win). */
    public Proposal withAttrs(Map<String, Object> more) {
        var merged = new java.util.LinkedHashMap<>(attrs);
        merged.putAll(more);
        return new Proposal(params, provenance, merged);
    }
}
