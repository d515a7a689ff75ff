package dev.tuneagent.prompts.history;

import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.util.List;
import java.util.Map;

/** One completed trial as the prompts see it. */
public record HistoryRow(int trial, Map<String, Object> params, double score) {
    public HistoryRow {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** The completed trials of a snapshot in trial order (failed and pending trials carry no score). */
    public static List<HistoryRow> completed(StudySnapshot snapshot) {
        return snapshot.completed().stream().map(HistoryRow::of).toList();
    }

    static HistoryRow of(Trial t) {
        return new HistoryRow(t.number(), t.params(), t.value());
    }
}
