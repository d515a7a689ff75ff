package dev.tuneagent.evals.bench;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.RandomProposer;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.surrogate.proposer.GpProposer;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Proposer names the benchmark understands, each mapped to a factory so every run gets a fresh instance
 * (a proposer may cache per study; runs must not share that).
 */
public final class ProposerCatalog {
    private final Map<String, Supplier<Proposer>> factories;

    public ProposerCatalog(Map<String, Supplier<Proposer>> factories) {
        this.factories = new LinkedHashMap<>(factories);
    }

    /**
     * The classical proposers with their default settings. (agent's ProposerFactory builds proposers from a
     * task file; the benchmark has no task, and needs only these.)
     */
    public static ProposerCatalog standard() {
        Map<String, Supplier<Proposer>> m = new LinkedHashMap<>();
        m.put(GpProposer.NAME, GpProposer::new);
        m.put(GpProposer.NAME, GpProposer::new);
        m.put(SobolProposer.NAME, SobolProposer::new);
        m.put(RandomProposer.NAME, RandomProposer::new);
        return new ProposerCatalog(m);
    }

    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    public Proposer create(String name) {
        Supplier<Proposer> factory = factories.get(name);
        if (factory == null) {
            throw ConfigException.of("--proposers", name, "one of " + String.join(", ", names()));
        }
        return factory.get();
    }

    /** Parses {@code gp,sobol,random}: each name must be known; duplicates are dropped. */
    public List<String> parse(String path, String list) {
        if (list == null || list.isBlank()) {
            throw ConfigException.of(path, list, "a comma-separated list of " + String.join(", ", names()));
        }
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!factories.containsKey(name)) {
                throw ConfigException.of(path, part.trim(), "one of " + String.join(", ", names()));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }
}
