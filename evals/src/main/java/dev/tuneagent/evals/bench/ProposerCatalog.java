package dev.tuneagent.evals.bench;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Path;
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

    /** The classical proposers of agent's {@link ProposerFactory}: whatever it registers, by the same names. */
    public static ProposerCatalog standard() {
        return from(ProposerFactory.classical());
    }

    /**
     * Every name of {@code factory}. The benchmark has no task file, so makers get a stand-in task that names the
     * benchmark (classical proposers ignore the task; LLM proposers would need a model and are not benchmarked here).
     */
    public static ProposerCatalog from(ProposerFactory factory) {
        Map<String, Supplier<Proposer>> m = new LinkedHashMap<>();
        for (String name : factory.names()) {
            TaskSpec task = TaskSpec.builder("bench", "value", Direction.MINIMIZE, null).trials(100).proposer(name)
                    .description("synthetic test function with a known global minimum").baseDir(Path.of("")).build();
            m.put(name, () -> factory.create(name, task));
        }
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
