package dev.tuneagent.tools.inprocess;

import java.util.List;
import java.util.Map;

/** A trial's parameter values for one model, with the model's fallbacks for parameters the space left out. */
public final class Hyper {
    private final Map<String, Object> values;
    private final List<Hyperparameter> declared;

    Hyper(Map<String, Object> values, List<Hyperparameter> declared) {
        this.values = Map.copyOf(values);
        this.declared = List.copyOf(declared);
    }

    private Object raw(String name) {
        Object v = values.get(name);
        if (v != null) {
            return v;
        }
        return declared.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("undeclared hyperparameter " + name))
                .fallback();
    }

    public int integer(String name) {
        return (int) Math.round(((Number) raw(name)).doubleValue());
    }

    public double real(String name) {
        return ((Number) raw(name)).doubleValue();
    }

    public float single(String name) {
        return (float) real(name);
    }

    public String text(String name) {
        return String.valueOf(raw(name));
    }
}
