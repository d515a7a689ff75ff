package dev.tuneagent.evals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnchorsAndTargetsTest {
    private static final List<String> MD = List.of(
            "# Anchors", "", "text | with a bar", "",
            "| function | sampler | @10 | @25 | @50 | @100 | ms/trial |",
            "|---|---|---|---|---|---|---|",
            "| branin | tpe | 1.01 [0.75, 1.18] | -0.16 [-0.57, 0.10] | -0.74 [-0.91, -0.62] | -1.79 [-2.06, -1.57] | 6.2 |",
            "| branin | sk_gp_ei | 0.19 [-0.11, 0.64] | -2.17 [-2.87, -1.70] | -4.39 [-5.17, -4.22] |  | 422.3 |",
            "| levy6 | tpe | 1.16 [1.05, 1.24] | 0.99 [0.77, 1.12] | 0.64 [0.53, 0.70] | 0.04 [-0.12, 0.38] | 24.1 |",
            "| levy6 | sk_gp_ei | 1.31 [1.28, 1.44] | 1.21 [1.10, 1.31] | 0.62 [0.47, 0.93] |  | 508.4 |",
            "", "| other | table |", "|---|---|");

    @Test
    void theAnchorsTableIsReadCellForCellIncludingEmptyCells() {
        List<TableRow> rows = AnchorTable.parseMarkdown("md", MD, SummaryTable.CHECKPOINTS);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).markdown()).isEqualTo(MD.get(7));
        assertThat(rows.get(1).medianAt(50)).hasValue(-4.39);
        assertThat(rows.get(1).medianAt(100)).isEmpty();
    }

    private static TableRow ours(String function, double at50) {
        return new TableRow(function, "tune-gp", List.of(""), "1.0", Map.of(50, at50));
    }

    @Test
    void theBarIsTheBetterOfTpeAndSkGpEiAndBraninMustAlsoBeatTpeByOne() {
        List<TableRow> anchors = AnchorTable.parseMarkdown("md", MD, SummaryTable.CHECKPOINTS);
        List<TargetCheck.Verdict> v = TargetCheck.check(anchors, List.of(
                ours("branin", -4.39), ours("branin", -4.40), ours("levy6", 0.62), ours("levy6", 0.63)));
        assertThat(v.get(0).noWorse()).isTrue();
        assertThat(v.get(0).beatsTpeByOne()).isTrue();
        assertThat(v.get(0).met()).isTrue();
        assertThat(v.get(1).met()).isTrue();
        assertThat(v.get(2).noWorse()).isTrue();
        assertThat(v.get(2).beatsTpeByOne()).isNull();
        assertThat(v.get(2).met()).isTrue();
        assertThat(v.get(3).noWorse()).isFalse();
        assertThat(v.get(3).met()).isFalse();
    }

    @Test
    void exactlyOneBelowTpeCountsAsTenTimesBetterDespiteFloatingPointNoise() {
        List<TableRow> anchors = List.of(
                new TableRow("hartmann3", "tpe", List.of(), "", Map.of(50, -1.44)),
                new TableRow("hartmann3", "sk_gp_ei", List.of(), "", Map.of(50, -2.00)));
        assertThat(TargetCheck.check(anchors, List.of(ours("hartmann3", -2.44))).get(0).beatsTpeByOne()).isTrue();
        TargetCheck.Verdict close = TargetCheck.check(anchors, List.of(ours("hartmann3", -2.43))).get(0);
        assertThat(close.noWorse()).isTrue();
        assertThat(close.beatsTpeByOne()).isFalse();
        assertThat(TargetCheck.markdown(List.of(close))).contains("| hartmann3 | tune-gp | -2.43 | -1.44 | -2.00 | yes | no | MISSED |");
    }

    @Test
    void aRunShorterThanFiftyTrialsIsReportedAsNotMeasured() {
        List<TableRow> anchors = AnchorTable.parseMarkdown("md", MD, SummaryTable.CHECKPOINTS);
        TableRow shortRun = new TableRow("branin", "tune-gp", List.of(""), "1.0", Map.of());
        TargetCheck.Verdict v = TargetCheck.check(anchors, List.of(shortRun)).get(0);
        assertThat(v.noWorse()).isNull();
        assertThat(v.met()).isFalse();
        assertThat(TargetCheck.summary(List.of(v))).containsExactly(
                "tune-gp: targets met on 0/1 functions (not met or not measured: branin)");
    }

    @Test
    void withoutAnSkGpEiRowTheBarIsTpeAlone() {
        List<TableRow> anchors = List.of(new TableRow("levy6", "tpe", List.of(), "", Map.of(50, 0.64)));
        TargetCheck.Verdict v = TargetCheck.check(anchors, List.of(ours("levy6", 0.64))).get(0);
        assertThat(v.skGp()).isNull();
        assertThat(v.met()).isTrue();
        assertThat(TargetCheck.check(anchors, List.of(ours("levy6", 0.65))).get(0).met()).isFalse();
    }
}
