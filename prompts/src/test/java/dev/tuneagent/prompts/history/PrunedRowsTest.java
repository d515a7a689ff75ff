package dev.tuneagent.prompts.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrunedRowsTest {
    static final SearchSpace SPACE = SearchSpace.of(new FloatParam("x", 0, 1, false));

    static Trial trial(int n, TrialState state, Double value, int steps) {
        List<Object> reports = new java.util.ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            reports.add(List.of(s, value));
        }
        return new Trial(n, Map.of("x", 0.25 * n), state, value, Map.of(), Provenance.of("gp", n), Instant.EPOCH,
                Instant.EPOCH, null, steps == 0 ? Map.of() : Map.of("intermediate", reports));
    }

    static StudySnapshot study(Trial... trials) {
        return new StudySnapshot(new StudyDefinition("s", SPACE, Direction.MINIMIZE, "loss", 0, 10, "{}", Instant.EPOCH),
                List.of(trials));
    }

    @Test
    void pruned_trials_become_rows_that_say_where_they_stopped_in_both_styles() {
        var s = study(trial(0, TrialState.COMPLETE, 0.5, 5), trial(1, TrialState.PRUNED, 0.9, 2),
                trial(2, TrialState.FAILED, null, 0), trial(3, TrialState.PRUNED, null, 0));
        List<HistoryRow> rows = HistoryRow.withPruned(s);
        assertThat(rows).extracting(HistoryRow::trial).containsExactly(0, 1);
        assertThat(rows.get(1).note()).isEqualTo("stopped early at step 2 of 5");
        assertThat(HistorySerializer.row(rows.get(1), SPACE, RowStyle.SAMPLER))
                .isEqualTo("\nPerformance: 0.900000 (stopped early at step 2 of 5)\nHyperparameter configuration: ## x: 0.250 ##");
        assertThat(HistorySerializer.row(rows.get(1), SPACE, RowStyle.SURROGATE))
                .isEqualTo("\nHyperparameter configuration: x is 0.250\nPerformance: ## 0.900000 ## (stopped early at step 2 of 5)");
    }

    @Test
    void without_pruned_trials_the_rows_and_their_text_are_exactly_the_completed_ones() {
        var s = study(trial(0, TrialState.COMPLETE, 0.5, 0), trial(1, TrialState.FAILED, null, 0),
                trial(2, TrialState.COMPLETE, 0.4, 0));
        assertThat(HistoryRow.withPruned(s)).isEqualTo(HistoryRow.completed(s));
        assertThat(HistorySerializer.render(HistoryRow.withPruned(s), SPACE, Direction.MINIMIZE, RowStyle.SAMPLER, null))
                .isEqualTo(HistorySerializer.render(HistoryRow.completed(s), SPACE, Direction.MINIMIZE, RowStyle.SAMPLER,
                        null));
    }
}
