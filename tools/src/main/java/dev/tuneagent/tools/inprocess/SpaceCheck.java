package dev.tuneagent.tools.inprocess;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.tools.data.TaskKind;
import java.util.List;
import java.util.Map;

/** Checks a user's search space (or one trial's values) against what a model's trainer accepts. */
final class SpaceCheck {
    private SpaceCheck() {
    }

    static void check(ModelDef model, TaskKind kind, SearchSpace space) {
        for (Param p : space.params()) {
            String path = "space." + p.name();
            Hyperparameter h = model.hyperparameter(p.name(), kind).orElseThrow(() -> new ConfigException(path,
                    model.name() + " (" + kind.lower() + ") has no parameter \"" + p.name() + "\"; its parameters are "
                            + String.join(", ", model.hyperparameters(kind).stream().map(Hyperparameter::name).toList())));
            if (!h.choices().isEmpty()) {
                List<Object> values = p instanceof CategoricalParam c ? c.choices()
                        : p instanceof OrdinalParam o ? o.values() : null;
                if (values == null) {
                    throw ConfigException.of(path + ".type", p.describe(), "categorical with choices from " + h.choices());
                }
                for (Object v : values) {
                    checkValue(model, h, v, path);
                }
            } else if (p instanceof FloatParam f) {
                if (h.range() instanceof IntParam) {
                    throw ConfigException.of(path + ".type", "float", "int, because " + p.name() + " is a whole number");
                }
                checkValue(model, h, f.low(), path + ".low");
                checkValue(model, h, f.high(), path + ".high");
            } else if (p instanceof IntParam i) {
                checkValue(model, h, i.low(), path + ".low");
                checkValue(model, h, i.high(), path + ".high");
            } else {
                List<Object> values = p instanceof CategoricalParam c ? c.choices() : ((OrdinalParam) p).values();
                for (Object v : values) {
                    checkValue(model, h, v, path);
                }
            }
        }
    }

    /** Checks one trial's values (they may come from anywhere, e.g. a resumed study with an edited space). */
    static void checkValues(ModelDef model, TaskKind kind, Map<String, Object> params) {
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Hyperparameter h = model.hyperparameter(e.getKey(), kind).orElseThrow(() -> new ConfigException(
                    "space." + e.getKey(), model.name() + " (" + kind.lower() + ") has no parameter \"" + e.getKey()
                            + "\"; its parameters are " + String.join(", ",
                            model.hyperparameters(kind).stream().map(Hyperparameter::name).toList())));
            checkValue(model, h, e.getValue(), "space." + e.getKey());
        }
    }

    private static void checkValue(ModelDef model, Hyperparameter h, Object v, String path) {
        if (!h.choices().isEmpty()) {
            if (!h.choices().contains(v)) {
                throw ConfigException.of(path, v, "one of " + h.choices() + " for " + model.name());
            }
            return;
        }
        if (!(v instanceof Number n)) {
            throw ConfigException.of(path, v, "a number");
        }
        double d = n.doubleValue();
        boolean whole = h.range() instanceof IntParam;
        if (whole && d != Math.rint(d)) {
            throw ConfigException.of(path, v, "a whole number");
        }
        if (!(d >= h.min() && d <= h.max())) {
            throw ConfigException.of(path, v, "a value in [" + show(h.min(), whole) + ", " + show(h.max(), whole)
                    + "] for " + model.name() + " (" + h.doc() + ")");
        }
    }

    private static String show(double v, boolean whole) {
        return whole || v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
