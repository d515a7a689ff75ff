package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import java.util.List;
import java.util.Locale;

/** Reads the {@code gp:} section of a task file into a {@link GpSpec}, naming the path of the first problem. */
final class GpSection {
    static final List<String> KEYS = List.of("acquisition", "beta");

    private GpSection() {
    }

    static GpSpec read(JsonNode node) {
        Fields gp = Fields.mapping(node, "gp", KEYS);
        String acquisition = gp.has("acquisition")
                ? gp.textOrNull("acquisition").toLowerCase(Locale.ROOT) : GpSpec.LOG_EI;
        if (!GpSpec.ACQUISITIONS.contains(acquisition)) {
            throw ConfigException.of("gp.acquisition", gp.textOrNull("acquisition"), "one of " + GpSpec.ACQUISITIONS);
        }
        Double beta = gp.numberAtLeast("beta", 0);
        if (beta != null && !GpSpec.UCB.equals(acquisition)) {
            throw new ConfigException("gp.beta", "applies only to acquisition: ucb (the acquisition here is "
                    + acquisition + "); remove it or set gp.acquisition: ucb");
        }
        return new GpSpec(acquisition, beta);
    }
}
