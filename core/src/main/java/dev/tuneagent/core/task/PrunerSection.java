package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.prune.HyperbandPruner;
import dev.tuneagent.core.prune.MedianPruner;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.prune.SuccessiveHalvingPruner;
import java.util.List;
import java.util.Locale;

/**
 * The task file's {@code pruner:} mapping, with Optuna's parameter meanings and defaults:
 * {@code {type: none}} (default), {@code {type: median, startup_trials: 5, warmup_steps: 0, interval: 1,
 * min_trials: 1}}, {@code {type: asha, min_resource: 1, reduction_factor: 4, min_early_stopping_rate: 0}},
 * {@code {type: hyperband, min_resource: 1, max_resource: N, reduction_factor: 3}}.
 */
final class PrunerSection {
    static final String PATH = "pruner";
    private static final List<String> NONE = List.of("type");
    private static final List<String> MEDIAN = List.of("type", "startup_trials", "warmup_steps", "interval",
            "min_trials");
    private static final List<String> ASHA = List.of("type", "min_resource", "reduction_factor",
            "min_early_stopping_rate");
    private static final List<String> HYPERBAND = List.of("type", "min_resource", "max_resource", "reduction_factor");

    private PrunerSection() {
    }

    /**
     * @param maxSteps the steps one trial reports at most when the job knows it (in-process: its folds), else null;
     *                 it is Hyperband's default {@code max_resource}
     */
    static Pruner read(JsonNode node, Integer maxSteps) {
        if (node == null || !node.isObject()) {
            throw ConfigException.of(PATH, Fields.shown(node), "a mapping such as {type: median}");
        }
        JsonNode t = node.get("type");
        String type = t != null && t.isTextual() ? t.asText().toLowerCase(Locale.ROOT) : null;
        if (type == null) {
            throw ConfigException.of(PATH + ".type", t == null ? null : Fields.shown(t), "none, median, asha or hyperband");
        }
        switch (type) {
            case "none" -> {
                Fields.mapping(node, PATH, NONE);
                return Pruner.NONE;
            }
            case "median" -> {
                Fields f = Fields.mapping(node, PATH, MEDIAN);
                return new MedianPruner(intOf(f, "startup_trials", 0, 5), intOf(f, "warmup_steps", 0, 0),
                        intOf(f, "interval", 1, 1), intOf(f, "min_trials", 1, 1));
            }
            case "asha" -> {
                Fields f = Fields.mapping(node, PATH, ASHA);
                return new SuccessiveHalvingPruner(intOf(f, "min_resource", 1, 1), intOf(f, "reduction_factor", 2, 4),
                        intOf(f, "min_early_stopping_rate", 0, 0), 0);
            }
            case "hyperband" -> {
                Fields f = Fields.mapping(node, PATH, HYPERBAND);
                int min = intOf(f, "min_resource", 1, 1);
                if (!f.has("max_resource") && maxSteps == null) {
                    throw new ConfigException(PATH + ".max_resource", "missing; set it to the number of steps a "
                            + "trial reports when it runs to the end (e.g. its epochs)");
                }
                int max = intOf(f, "max_resource", 1, maxSteps == null ? 0 : maxSteps);
                if (max <= min) {
                    throw ConfigException.of(PATH + ".max_resource", max, "more than min_resource (" + min + ")");
                }
                return new HyperbandPruner(min, max, intOf(f, "reduction_factor", 2, 3));
            }
            default -> throw ConfigException.of(PATH + ".type", type, "none, median, asha or hyperband");
        }
    }

    /** The pruner as a {@code pruner:} mapping that {@link #read} gives back unchanged. */
    static com.fasterxml.jackson.databind.node.ObjectNode write(Pruner pruner) {
        var n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", pruner.name());
        if (pruner instanceof MedianPruner m) {
            n.put("startup_trials", m.startupTrials()).put("warmup_steps", m.warmupSteps())
                    .put("interval", m.interval()).put("min_trials", m.minTrials());
        } else if (pruner instanceof SuccessiveHalvingPruner a) {
            n.put("min_resource", a.minResource()).put("reduction_factor", a.reductionFactor())
                    .put("min_early_stopping_rate", a.minEarlyStoppingRate());
        } else if (pruner instanceof HyperbandPruner h) {
            n.put("min_resource", h.minResource()).put("max_resource", h.maxResource())
                    .put("reduction_factor", h.reductionFactor());
        }
        return n;
    }

    private static int intOf(Fields f, String key, int min, int fallback) {
        long v = f.integerOr(key, min, fallback);
        if (v > 1_000_000) {
            throw ConfigException.of(f.path(key), v, "at most 1000000");
        }
        return (int) v;
    }
}
