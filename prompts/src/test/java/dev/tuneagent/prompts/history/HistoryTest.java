package dev.tuneagent.prompts.history;

import static dev.tuneagent.prompts.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.prompts.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void floatDecimalsFollowTheBoundsWithAFloorForCoarseBounds() {
        assertThat(ValueFormat.decimals(new FloatParam("a", 0.001, 0.1, false))).isEqualTo(4);
        assertThat(ValueFormat.decimals(new FloatParam("a", 0.25, 0.75, false))).isEqualTo(3);
        assertThat(ValueFormat.decimals(new FloatParam("a", 0, 1000, false))).isEqualTo(0);
        assertThat(ValueFormat.decimals(new FloatParam("a", 1e-4, 1, true))).isEqualTo(6);
        assertThat(ValueFormat.value(SPACE.param("dropout").orElseThrow(), 0.123456)).isEqualTo("0.123");
        assertThat(ValueFormat.value(SPACE.param("depth").orElseThrow(), 7.0)).isEqualTo("7");
        assertThat(ValueFormat.value(SPACE.param("criterion").orElseThrow(), "gini")).isEqualTo("\"gini\"");
    }

    @Test
    void scoresAreFixedWidthWithSixDecimals() {
        assertThat(ValueFormat.score(0.9)).isEqualTo("0.900000");
        assertThat(ValueFormat.score(-12.3456789)).isEqualTo("-12.345679");
    }

    @Test
    void targetScoreAsksForAnImprovementOfAlphaTimesTheRange() {
        List<Double> scores = List.of(0.5, 0.7, 0.9);
        assertThat(TargetScore.of(scores, Direction.MINIMIZE, 0.1)).isCloseTo(0.46, within(1e-12));
        assertThat(TargetScore.of(scores, Direction.MAXIMIZE, 0.1)).isCloseTo(0.94, within(1e-12));
        assertThat(TargetScore.of(scores, Direction.MINIMIZE, -0.2)).isCloseTo(0.58, within(1e-12));
        assertThat(TargetScore.of(List.of(2.0, 2.0), Direction.MINIMIZE, 0.1)).isCloseTo(1.98, within(1e-12));
    }

    @Test
    void aHistoryThatFitsIsKeptWhole() {
        HistorySelection s = HistorySelection.select(Fixtures.history(), SPACE, Direction.MAXIMIZE, RowStyle.SAMPLER,
                HistoryBudget.unlimited());
        assertThat(s.kept()).hasSize(8);
        assertThat(s.dropped()).isEmpty();
        assertThat(s.note()).isEmpty();
    }

    @Test
    void aLongHistoryKeepsTheBestTheMostRecentAndADiverseRest() {
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new HistoryRow(i, Fixtures.config(1e-3 + i * 1e-3, (i * 37 % 50) / 100.0, 1 + i % 20,
                    i % 3 == 0 ? "gini" : "entropy", 32), i == 17 ? 0.01 : 1.0 + (i * 13 % 7)));
        }
        int rowChars = HistorySerializer.row(rows.get(0), SPACE, RowStyle.SAMPLER).length();
        HistorySelection s = HistorySelection.select(rows, SPACE, Direction.MINIMIZE, RowStyle.SAMPLER,
                new HistoryBudget(rowChars * 12));
        assertThat(s.kept()).hasSizeBetween(9, 12);
        assertThat(s.kept()).extracting(HistoryRow::trial).contains(17, 59, 58);
        assertThat(s.kept().size() + s.dropped().size()).isEqualTo(60);
        assertThat(s.note()).startsWith("Only " + s.kept().size() + " of 60 completed trials are shown");
        assertThat(String.join("\n", HistorySerializer.render(s.kept(), SPACE, Direction.MINIMIZE, RowStyle.SAMPLER,
                null)).length()).isLessThanOrEqualTo(rowChars * 12 + 12);
    }

    @Test
    void droppedTrialsAreListedAsRanges() {
        assertThat(HistorySelection.ranges(List.of(1, 2, 3, 5, 8, 9))).isEqualTo("1-3, 5, 8-9");
    }

    @Test
    void unshuffledRowsEndWithTheBest() {
        List<HistoryRow> ordered = HistorySerializer.order(Fixtures.history(), Direction.MAXIMIZE, null);
        assertThat(ordered.get(ordered.size() - 1).score()).isEqualTo(0.93);
        assertThat(HistorySerializer.order(Fixtures.history(), Direction.MINIMIZE, null).get(7).score()).isEqualTo(0.55);
    }
}
