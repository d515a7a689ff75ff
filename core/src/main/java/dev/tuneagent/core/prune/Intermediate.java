package dev.tuneagent.core.prune;

import dev.tuneagent.core.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intermediate reports as trial attributes: {@code intermediate} is a JSON list of {@code [step, value]}
 * pairs in report order, and a PRUNED trial has {@code pruned} with the decision's details.
 */
public final class Intermediate {
    public static final String KEY = "intermediate";
    public static final String PRUNED = "pruned";

    private Intermediate() {
    }

    /** The trial's reports, oldest first; empty when it reported none. */
    public static List<Report> of(Trial trial) {
        if (!(trial.attrs().get(KEY) instanceof List<?> list)) {
            return List.of();
        }
        List<Report> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof List<?> pair && pair.size() >= 2 && pair.get(0) instanceof Number s
                    && pair.get(1) instanceof Number v && Double.isFinite(v.doubleValue())) {
                out.add(new Report(s.intValue(), v.doubleValue()));
            }
        }
        return out;
    }

    /** The attributes with {@code report} appended; throws when its step does not increase. */
    public static Map<String, Object> append(Map<String, Object> attrs, List<Report> before, Report report) {
        if (!before.isEmpty() && report.step() <= before.get(before.size() - 1).step()) {
            throw new IllegalArgumentException("intermediate report at step " + report.step()
                    + " after step " + before.get(before.size() - 1).step() + ": steps must increase");
        }
        List<Object> pairs = new ArrayList<>();
        for (Report r : before) {
            pairs.add(List.of(r.step(), r.value()));
        }
        pairs.add(List.of(report.step(), report.value()));
        Map<String, Object> out = new LinkedHashMap<>(attrs);
        out.put(KEY, pairs);
        return out;
    }

    /** The last step a trial reported, or 0 when it reported nothing: the resource it used. */
    public static int lastStep(Trial trial) {
        List<Report> r = of(trial);
        return r.isEmpty() ? 0 : r.get(r.size() - 1).step();
    }

    /** The rung at which successive halving pruned the trial, or -1. */
    static int prunedRung(Trial trial) {
        if (trial.attrs().get(PRUNED) instanceof Map<?, ?> m && m.get("rung") instanceof Number n) {
            return n.intValue();
        }
        return -1;
    }
}
