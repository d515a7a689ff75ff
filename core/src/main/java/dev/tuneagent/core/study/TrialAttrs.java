package dev.tuneagent.core.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed attributes a trial carries as JSON values (String, Boolean, Long/Integer, Double, List, Map),
 * and the keys this project writes. Stores keep the map as a JSON object; code reads it through the
 * helpers here instead of parsing text.
 */
public final class TrialAttrs {
    /** Why a trial was queued: one of {@link #SOURCE_USER}, {@link #SOURCE_WARMSTART}, {@link #SOURCE_RERUN}. */
    public static final String SOURCE = "source";
    public static final String SOURCE_USER = "enqueue";
    public static final String SOURCE_WARMSTART = "warmstart";
    public static final String SOURCE_RERUN = "rerun";
    /** The number of the interrupted trial this one evaluates again. */
    public static final String RERUN_OF = "rerun_of";
    /**
     * How a model-free acquisition chose the trial, for {@code explain}: a JSON object
     * {@code {"name": "logei", "value": -1.23}} (the GP's acquisition and its value at the point).
     */
    public static final String ACQUISITION = "acquisition";
    /**
     * The candidates an LLM proposer ranked, for {@code explain}: a list of JSON objects
     * {@code {"params": {...}, "score": 0.12, "scorer": "gp-logei"|"llm-ei"|"identity"}}, chosen one first.
     */
    public static final String CANDIDATES = "candidates";

    private TrialAttrs() {
    }

    /** An unmodifiable, insertion-ordered copy; null becomes empty. */
    public static Map<String, Object> copy(Map<String, Object> attrs) {
        if (attrs == null || attrs.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    }

    public static String string(Trial t, String key) {
        return t.attrs().get(key) instanceof String s ? s : null;
    }

    /** An integer attribute (JSON numbers may come back as Integer, Long or Double); null when absent. */
    public static Integer integer(Trial t, String key) {
        Object v = t.attrs().get(key);
        return v instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }

    public static boolean is(Trial t, String key, String value) {
        return value.equals(string(t, key));
    }

    public static Map<String, Object> of(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Numbers of trials that re-run another (the values of {@link #RERUN_OF}). */
    public static List<Integer> rerunTargets(List<Trial> trials) {
        return trials.stream().map(t -> integer(t, RERUN_OF)).filter(java.util.Objects::nonNull).toList();
    }
}
