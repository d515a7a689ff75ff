package dev.tuneagent.shell.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.analysis.ParamImportance;
import dev.tuneagent.shell.fixtures.StudyFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextChartTest {
    @Test
    void theChartMarksEveryTrialTheBestSoFarAndFailuresAndFitsTheWidth() {
        var s = StudyFixtures.snapshot("rf", 0.5, 0.9, null, 0.7, 1.0);
        String chart = TextChart.render(s, List.of(new ParamImportance.Score("lr", 0.75, 3),
                new ParamImportance.Score("trees", 0.0, 3)), 60);
        List<String> lines = chart.lines().toList();
        assertThat(lines.get(0)).isEqualTo("rf: maximize accuracy, 5 trials (4 complete, 1 failed)");
        // Rows: 1.0 at the top, 0.5 at the bottom; 5 trials x 4 columns each.
        assertThat(lines.get(1)).isEqualTo("  1 |                ****");
        assertThat(lines.get(12)).isEqualTo("0.5 |****");
        assertThat(lines.get(13)).isEqualTo("    +--------x-----------");
        assertThat(lines.get(14)).isEqualTo("     0               4");
        assertThat(chart).contains("\n  * best so far   o a trial   x a failed trial\n");
        assertThat(lines.stream().filter(l -> l.contains("o"))).isNotEmpty(); // 0.7 under the best of 0.9
        assertThat(chart).contains("  lr    #######################        0.75", "  trees                                0.00");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    }

    @Test
    void manyTrialsShareColumnsAndImportanceSaysWhenItCannotBeEstimated() {
        Double[] values = new Double[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = (double) (i % 37);
        }
        String chart = TextChart.render(StudyFixtures.snapshot("big", values), List.of(), 50);
        assertThat(chart.lines().filter(l -> l.contains("|") || l.contains("+") || l.contains("499")))
                .hasSize(14).allSatisfy(l -> assertThat(l.length()).isLessThan(50));
        assertThat(TextChart.importance(List.of(), 3)).isEqualTo("Importance: needs at least 4 complete trials (have 3)\n");
    }
}
