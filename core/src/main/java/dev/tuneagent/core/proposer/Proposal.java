package dev.tuneagent.core.proposer;

import dev.tuneagent.core.study.Provenance;
import java.util.Map;

/** A configuration a proposer wants evaluated, and where it came from. */
public record Proposal(Map<String, Object> params, Provenance provenance) {
    public Proposal {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
