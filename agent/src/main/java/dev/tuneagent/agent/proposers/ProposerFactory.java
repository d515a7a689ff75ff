package dev.tuneagent.agent.proposers;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.RandomProposer;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.task.TaskSpec;
import dev.tuneagent.surrogate.proposer.GpProposer;
import dev.tuneagent.surrogate.proposer.GpProposerSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proposer names (as written in task files and {@code --proposer}) to proposers. The classical ones are
 * registered by {@link #classical()}; the LLM layer registers its own ({@code llambo}, {@code llm-sampler},
 * {@code hybrid}, {@code llm-warmstart}, {@code hybrid-warmstart}) with {@link #register}, capturing whatever
 * else it needs (the chat model's configuration) in the {@link Maker}. Every proposer it creates runs inside a
 * {@link FallbackChain}.
 */
public final class ProposerFactory {
    /** Builds a proposer for one study. */
    @FunctionalInterface
    public interface Maker {
        Proposer make(TaskSpec task);
    }

    private final Map<String, Maker> makers = new LinkedHashMap<>();

    /** An empty factory; see {@link #classical()} for the usual one. */
    public ProposerFactory() {
    }

    /** {@code gp} (the default), {@code sobol} and {@code random}: no model, no key. */
    public static ProposerFactory classical() {
        return new ProposerFactory()
                .register(GpProposer.NAME, t -> new GpProposer(GpProposerSettings.of(t == null ? null : t.gp())))
                .register("sobol", t -> new SobolProposer())
                .register("random", t -> new RandomProposer());
    }

    /** Adds (or replaces) a proposer name; returns this factory for chaining. */
    public ProposerFactory register(String name, Maker maker) {
        makers.put(name.toLowerCase(Locale.ROOT), maker);
        return this;
    }

    public List<String> names() {
        return List.copyOf(makers.keySet());
    }

    public boolean knows(String name) {
        return name != null && makers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Throws a {@link ConfigException} at {@code path} listing the known names when {@code name} is unknown. */
    public void check(String path, String name) {
        if (!knows(name)) {
            throw ConfigException.of(path, name, "one of " + names());
        }
    }

    /** The named proposer inside its {@link FallbackChain} (the only place a failed proposal is handled). */
    public Proposer create(String name, TaskSpec task) {
        check("proposer", name);
        return FallbackChain.around(makers.get(name.toLowerCase(Locale.ROOT)).make(task));
    }
}
