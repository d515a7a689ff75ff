package dev.tuneagent.core.proposer;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configurations a study has already tried or is trying (every trial, whatever its state), plus
 * those a proposer picked in the current batch: what keeps a batch distinct from itself and from the
 * history. Configurations are compared in canonical form, so {@code 3} and {@code 3.0} are the same.
 */
public final class SeenConfigs {
    /** Finite spaces up to this many configurations can be enumerated to find the unseen ones. */
    public static final long ENUMERATION_LIMIT = 100_000;

    private final SearchSpace space;
    private final Set<Map<String, Object>> seen = new HashSet<>();

    private SeenConfigs(SearchSpace space) {
        this.space = space;
    }

    public static SeenConfigs of(StudySnapshot snapshot) {
        SeenConfigs s = new SeenConfigs(snapshot.space());
        for (Trial t : snapshot.trials()) {
            s.seen.add(s.canonical(t.params()));
        }
        return s;
    }

    /** Records {@code config} and returns true if it was not seen before. */
    public boolean add(Map<String, ?> config) {
        return seen.add(canonical(config));
    }

    public boolean contains(Map<String, ?> config) {
        return seen.contains(canonical(config));
    }

    /**
     * Every configuration not seen yet, in a fixed order, when the space is finite and at most
     * {@link #ENUMERATION_LIMIT} large; empty when it cannot be enumerated (continuous or huge).
     */
    public Optional<List<Map<String, Object>>> unseen() {
        Optional<Long> size = finiteSize(space);
        if (size.isEmpty() || size.get() > ENUMERATION_LIMIT) {
            return Optional.empty();
        }
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Param p : space.params()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : all) {
                for (Object v : values(p)) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(p.name(), v);
                    next.add(m);
                }
            }
            all = next;
        }
        all.removeIf(seen::contains);
        return Optional.of(all);
    }

    /** The number of configurations of a space made only of int, categorical and ordinal parameters. */
    public static Optional<Long> finiteSize(SearchSpace space) {
        long size = 1;
        for (Param p : space.params()) {
            long k;
            if (p instanceof IntParam i) {
                k = i.size();
            } else if (p instanceof CategoricalParam c) {
                k = c.choices().size();
            } else if (p instanceof OrdinalParam o) {
                k = o.values().size();
            } else {
                return Optional.empty();
            }
            if (k <= 0 || size > Long.MAX_VALUE / k) {
                return Optional.of(Long.MAX_VALUE);
            }
            size *= k;
        }
        return Optional.of(size);
    }

    private static List<Object> values(Param p) {
        if (p instanceof IntParam i) {
            List<Object> out = new ArrayList<>();
            for (long v = i.low(); v <= i.high(); v++) {
                out.add(v);
            }
            return out;
        }
        if (p instanceof CategoricalParam c) {
            return c.choices();
        }
        return ((OrdinalParam) p).values();
    }

    private Map<String, Object> canonical(Map<String, ?> config) {
        try {
            return space.coerce(config);
        } catch (InvalidValueException e) {
            return new LinkedHashMap<>(config); // a stored value outside today's space still counts as seen
        }
    }
}
