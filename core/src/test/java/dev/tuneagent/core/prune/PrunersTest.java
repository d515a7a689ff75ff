package dev.tuneagent.core.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every expected decision below was computed by hand from the fixed curves (see the comments). */
class PrunersTest {
    static final SearchSpace SPACE = SearchSpace.of(new FloatParam("x", 0, 1, false));

    static Trial trial(int number, TrialState state, double[][] curve, Integer prunedRung) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        List<Object> pairs = new ArrayList<>();
        for (double[] p : curve) {
            pairs.add(List.of((int) p[0], p[1]));
        }
        attrs.put(Intermediate.KEY, pairs);
        if (prunedRung != null) {
            attrs.put(Intermediate.PRUNED, Map.of("rule", "asha", "rung", prunedRung));
        }
        Double value = state == TrialState.COMPLETE ? curve[curve.length - 1][1] : null;
        return new Trial(number, Map.of("x", 0.5), state, value, Map.of(), Provenance.of("random", number),
                Instant.EPOCH, state.isFinished() ? Instant.EPOCH : null, null, attrs);
    }

    static StudySnapshot study(String name, Direction direction, Trial... trials) {
        var def = new StudyDefinition(name, SPACE, direction, "loss", 0, 100, "{}", Instant.EPOCH);
        return new StudySnapshot(def, List.of(trials));
    }

    static List<Report> reports(double[][] curve) {
        return Intermediate.of(trial(99, TrialState.RUNNING, curve, null));
    }

    static double[][] c(double... stepValue) {
        double[][] out = new double[stepValue.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {stepValue[2 * i], stepValue[2 * i + 1]};
        }
        return out;
    }

    // Completed curves: at step 1 the values are 10, 12, 20 (median 12); at step 2: 8, 9, 18 (median 9).
    static StudySnapshot medianStudy(Direction d, double sign) {
        return study("m", d,
                trial(0, TrialState.COMPLETE, c(1, sign * 10, 2, sign * 8, 3, sign * 6), null),
                trial(1, TrialState.COMPLETE, c(1, sign * 12, 2, sign * 9, 3, sign * 7), null),
                trial(2, TrialState.COMPLETE, c(1, sign * 20, 2, sign * 18, 3, sign * 16), null));
    }

    @Test
    void median_prunes_when_the_best_so_far_is_worse_than_the_median_at_the_step() {
        var pruner = new MedianPruner(2, 0, 1, 1);
        var s = medianStudy(Direction.MINIMIZE, 1);
        Trial t = trial(3, TrialState.RUNNING, c(1, 11), null);
        // step 1: best 11 <= median 12: keep; 13 > 12: prune
        assertThat(pruner.decide(s, t, reports(c(1, 11))).prune()).isFalse();
        PruneDecision d = pruner.decide(s, t, reports(c(1, 13)));
        assertThat(d.prune()).isTrue();
        assertThat(d.details()).containsEntry("threshold", 12.0).containsEntry("step", 1).containsEntry("value", 13.0);
        // step 2: best so far min(11, 9.5) = 9.5 > median 9: prune; min(11, 8.5) = 8.5: keep
        assertThat(pruner.decide(s, t, reports(c(1, 11, 2, 9.5))).prune()).isTrue();
        assertThat(pruner.decide(s, t, reports(c(1, 11, 2, 8.5))).prune()).isFalse();
        // the best so far counts, not the last value: 8.9 at step 1 then 30 at step 2 stays below the median 9
        assertThat(pruner.decide(s, t, reports(c(1, 8.9, 2, 30))).prune()).isFalse();
    }

    @Test
    void median_mirrors_for_maximization() {
        var pruner = new MedianPruner(2, 0, 1, 1);
        var s = medianStudy(Direction.MAXIMIZE, -1); // values -10, -12, -20: median -12
        Trial t = trial(3, TrialState.RUNNING, c(1, -11), null);
        assertThat(pruner.decide(s, t, reports(c(1, -11))).prune()).isFalse();
        PruneDecision d = pruner.decide(s, t, reports(c(1, -13)));
        assertThat(d.prune()).isTrue();
        assertThat(d.details()).containsEntry("threshold", -12.0);
    }

    @Test
    void median_waits_for_startup_trials_and_warmup_and_keeps_to_its_interval() {
        var s = medianStudy(Direction.MINIMIZE, 1);
        Trial t = trial(3, TrialState.RUNNING, c(1, 99), null);
        assertThat(new MedianPruner(4, 0, 1, 1).decide(s, t, reports(c(1, 99))).prune()).isFalse();
        assertThat(new MedianPruner(0, 2, 1, 1).decide(s, t, reports(c(1, 99))).prune()).isFalse();
        assertThat(new MedianPruner(0, 0, 1, 4).decide(s, t, reports(c(1, 99))).prune()).isFalse();
        // warm-up 1, interval 2: pruning steps are 1, 3, 5; a bad value at step 2 is not judged, at step 3 it is
        var everyOther = new MedianPruner(0, 1, 2, 1);
        assertThat(everyOther.decide(s, t, reports(c(1, 10, 2, 99))).prune()).isFalse();
        assertThat(everyOther.decide(s, t, reports(c(1, 99, 3, 99))).prune()).isTrue();
    }

    @Test
    void median_interpolates_between_the_middle_values_of_an_even_count() {
        assertThat(MedianPruner.percentile(List.of(18.0, 8.0, 10.0, 9.0), 50)).isEqualTo(9.5);
        assertThat(MedianPruner.percentile(List.of(3.0), 50)).isEqualTo(3.0);
    }

    // ASHA, minimize, min_resource 1, reduction factor 2: rungs at steps 1, 2, 4, 8.
    // A completed (1:5, 2:4, 4:3); B pruned at rung 0 (1:9); C running (1:6, 2:5).
    static StudySnapshot ashaStudy() {
        return study("a", Direction.MINIMIZE,
                trial(0, TrialState.COMPLETE, c(1, 5, 2, 4, 4, 3), null),
                trial(1, TrialState.PRUNED, c(1, 9), 0),
                trial(2, TrialState.RUNNING, c(1, 6, 2, 5), null));
    }

    @Test
    void asha_keeps_the_top_fraction_of_each_rung() {
        var asha = new SuccessiveHalvingPruner(1, 2, 0, 0);
        var s = ashaStudy();
        Trial t = trial(3, TrialState.RUNNING, c(1, 7), null);
        assertThat(asha.rungStep(0)).isEqualTo(1);
        assertThat(asha.rungStep(3)).isEqualTo(8);
        // rung 0: 5, 6, 7, 9 -> top 4/2 = 2 are 5 and 6: 7 is pruned, 6 goes on
        PruneDecision d = asha.decide(s, t, reports(c(1, 7)));
        assertThat(d.prune()).isTrue();
        assertThat(d.details()).containsEntry("rung", 0).containsEntry("threshold", 6.0).containsEntry("trials", 4);
        assertThat(asha.decide(s, t, reports(c(1, 6))).prune()).isFalse();
        // rung 1 (step 2): A 4, C 5 (B stopped at rung 0) and 4.5 -> top 3/2 = 1 is 4: pruned
        d = asha.decide(s, t, reports(c(1, 6, 2, 4.5)));
        assertThat(d.prune()).isTrue();
        assertThat(d.details()).containsEntry("rung", 1).containsEntry("threshold", 4.0);
        assertThat(asha.decide(s, t, reports(c(1, 6, 2, 3.9))).prune()).isFalse();
    }

    @Test
    void asha_judges_every_rung_a_report_jumps_over() {
        var asha = new SuccessiveHalvingPruner(1, 2, 0, 0);
        Trial t = trial(3, TrialState.RUNNING, c(1, 6), null);
        // 3.5 at step 4: rung 1 (A 4, C 5, 3.5: best, kept), then rung 2 (A 3 and 3.5: top 1 is 3): pruned
        PruneDecision d = asha.decide(ashaStudy(), t, reports(c(1, 6, 4, 3.5)));
        assertThat(d.prune()).isTrue();
        assertThat(d.details()).containsEntry("rung", 2).containsEntry("threshold", 3.0);
    }

    @Test
    void the_first_trial_at_a_rung_goes_on_and_a_report_between_rungs_is_not_judged() {
        var asha = new SuccessiveHalvingPruner(1, 2, 0, 0);
        var s = study("a", Direction.MINIMIZE);
        Trial t = trial(0, TrialState.RUNNING, c(1, 100), null);
        assertThat(asha.decide(s, t, reports(c(1, 100))).prune()).isFalse();
        // step 3 lies between rung 1 (2) and rung 2 (4), both judged earlier or later
        var s2 = ashaStudy();
        assertThat(asha.decide(s2, trial(3, TrialState.RUNNING, c(1, 5), null),
                reports(c(1, 5, 2, 3.0, 3, 100))).prune()).isFalse();
    }

    @Test
    void hyperband_assigns_brackets_as_optuna_does() {
        var hb = new HyperbandPruner(1, 9, 3);
        assertThat(hb.brackets()).isEqualTo(3);
        assertThat(List.of(hb.allocation(0), hb.allocation(1), hb.allocation(2))).containsExactly(9, 5, 3);
        // expected from Python: binascii.crc32(f"s_{n}".encode()) % 17 mapped through the allocations 9, 5, 3
        List<Integer> brackets = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            brackets.add(hb.bracketOf("s", n));
        }
        assertThat(brackets).containsExactly(0, 1, 0, 0, 0, 0, 0, 2, 2, 2, 0, 1);
    }

    @Test
    void hyperband_compares_a_trial_only_with_its_bracket() {
        var hb = new HyperbandPruner(1, 9, 3);
        // trials 0, 2, 3 are in bracket 0 (rungs at 1, 3, 9); trial 1 is in bracket 1 (rungs at 3, 9)
        var s = study("s", Direction.MINIMIZE,
                trial(0, TrialState.COMPLETE, c(1, 5, 3, 4, 9, 3), null),
                trial(1, TrialState.COMPLETE, c(1, 1, 3, 1, 9, 1), null),
                trial(2, TrialState.COMPLETE, c(1, 6, 3, 5, 9, 4), null));
        // trial 3 at step 1 with 5.5: bracket 0 rung 0 holds 5, 6, 5.5 -> top 3/3 = 1 is 5: pruned; trial 1's 1
        // (another bracket) would have made no difference to that, but it must not be counted either
        PruneDecision d = hb.decide(s, trial(3, TrialState.RUNNING, c(1, 5.5), null), reports(c(1, 5.5)));
        assertThat(d.prune()).isTrue();
        assertThat(d.details()).containsEntry("bracket", 0).containsEntry("trials", 3).containsEntry("threshold", 5.0);
        assertThat(hb.decide(s, trial(3, TrialState.RUNNING, c(1, 4.9), null), reports(c(1, 4.9))).prune()).isFalse();
        // trial 11 is in bracket 1: its first rung is at step 3; at step 1 nothing is judged
        assertThat(hb.decide(s, trial(11, TrialState.RUNNING, c(1, 99), null), reports(c(1, 99))).prune()).isFalse();
        // at step 3 it competes with trial 1 alone (value 1): 2 > 1 and top 2/3 -> index 0: pruned
        d = hb.decide(s, trial(11, TrialState.RUNNING, c(1, 99), null), reports(c(1, 99, 3, 2)));
        assertThat(d.prune()).isTrue();
        assertThat(d.details()).containsEntry("bracket", 1).containsEntry("trials", 2);
    }

    @Test
    void settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> new SuccessiveHalvingPruner(1, 1, 0, 0)).hasMessageContaining("reduction_factor >= 2");
        assertThatThrownBy(() -> new MedianPruner(0, -1, 1, 1)).hasMessageContaining("warmup_steps");
        assertThatThrownBy(() -> new HyperbandPruner(3, 3, 3)).hasMessageContaining("max_resource > min_resource");
        assertThatThrownBy(() -> new Report(-1, 1)).hasMessageContaining("step");
        assertThatThrownBy(() -> new Report(1, Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void reports_are_appended_in_increasing_steps_only() {
        List<Report> before = List.of(new Report(1, 0.5), new Report(2, 0.4));
        var attrs = Intermediate.append(Map.of("source", "enqueue"), before, new Report(3, 0.3));
        Trial t = new Trial(0, Map.of("x", 0.5), TrialState.RUNNING, null, Map.of(), Provenance.of("gp", 0),
                Instant.EPOCH, null, null, attrs);
        assertThat(Intermediate.of(t)).containsExactly(new Report(1, 0.5), new Report(2, 0.4), new Report(3, 0.3));
        assertThat(Intermediate.lastStep(t)).isEqualTo(3);
        assertThat(t.attrs()).containsEntry("source", "enqueue");
        assertThatThrownBy(() -> Intermediate.append(Map.of(), before, new Report(2, 0.1)))
                .hasMessageContaining("steps must increase");
    }
}
