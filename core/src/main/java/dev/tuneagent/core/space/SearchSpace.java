package dev.tuneagent.core.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An ordered list of named parameters; configurations are maps from parameter name to canonical value. */
public record SearchSpace(List<Param> params) {

    public SearchSpace {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one parameter");
        }
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        for (Param p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("parameter \"" + p.name() + "\" is declared twice");
            }
        }
    }

    public static SearchSpace of(Param... params) {
        return new SearchSpace(List.of(params));
    }

    public int dimension() {
        return params.size();
    }

    public List<String> names() {
        return params.stream().map(Param::name).toList();
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Encodes a configuration to the unit cube, one coordinate per parameter in declaration order. */
    public double[] encode(Map<String, ?> config) {
        double[] u = new double[params.size()];
        for (int i = 0; i < u.length; i++) {
            Param p = params.get(i);
            if (!config.containsKey(p.name())) {
                throw new InvalidValueException("missing parameter \"" + p.name() + "\"");
            }
            u[i] = p.encode(config.get(p.name()));
        }
        return u;
    }

    /** Decodes a point of the unit cube (coordinates clamped) into a valid configuration. */
    public Map<String, Object> decode(double[] u) {
        if (u.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " coordinates, got " + u.length);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            out.put(params.get(i).name(), params.get(i).decode(u[i]));
        }
        return out;
    }

    /**
     * Validates an untrusted configuration (from a model, a file or a user): every parameter present,
     * no unknown key, each value coerced to its canonical type and inside its bounds. The exception
     * lists every problem found, not only the first.
     */
    public Map<String, Object> coerce(Map<String, ?> raw) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : params) {
            if (!raw.containsKey(p.name())) {
                problems.add("missing parameter \"" + p.name() + "\" (" + p.describe() + ")");
                continue;
            }
            try {
                out.put(p.name(), p.coerce(raw.get(p.name())));
            } catch (InvalidValueException e) {
                problems.add(e.getMessage());
            }
        }
        for (String key : raw.keySet()) {
            if (param(key).isEmpty()) {
                problems.add("unknown parameter \"" + key + "\" (known: " + names() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(String.join("; ", problems));
        }
        return out;
    }

    /** True when two configurations are the same point (after coercion). */
    public boolean sameConfig(Map<String, ?> a, Map<String, ?> b) {
        for (Param p : params) {
            Object x = a.get(p.name());
            Object y = b.get(p.name());
            if (x == null || y == null) {
                return false;
            }
            Object cx = p.coerce(x);
            Object cy = p.coerce(y);
            if (!cx.equals(cy)) {
                return false;
            }
        }
        return true;
    }
}
