package dev.tuneagent.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.fixtures.StudyFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final ManualClock clock = new ManualClock();
    private int width = 100;
    private final ProgressBar bar = new ProgressBar(out, "accuracy", new TerminalInfo(true, () -> width), clock);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What is on the current line after the terminal interprets every \r. */
    private String screenLine() {
        String t = text();
        String last = t.substring(t.lastIndexOf('\n') + 1);
        char[] line = new char[0];
        int col = 0;
        for (char c : last.toCharArray()) {
            if (c == '\r') {
                col = 0;
                continue;
            }
            if (col >= line.length) {
                line = Arrays.copyOf(line, col + 1);
            }
            line[col++] = c;
        }
        return new String(line).stripTrailing();
    }

    private Trial started(int n, String proposer) {
        return new Trial(n, StudyFixtures.params(n), TrialState.RUNNING, null, Map.of(), Provenance.of(proposer, n),
                clock.instant(), null, null);
    }

    private StudySnapshot after(List<Trial> trials, int budget) {
        return new StudySnapshot(StudyFixtures.definition("s", budget), trials);
    }

    private Trial finished(Trial t, Double value, long in, long out) {
        Provenance p = t.provenance().withUsage(in, out, 0);
        return new Trial(t.number(), t.params(), value == null ? TrialState.FAILED : TrialState.COMPLETE, value, Map.of(),
                p, t.startedAt(), clock.instant(), value == null ? "exit code 3" : null);
    }

    @Test
    void theBarShowsTrialBestTimesProposerAndTokensAndRedrawsInPlace() {
        List<Trial> done = new ArrayList<>();
        bar.begin(after(done, 4));
        for (int i = 0; i < 2; i++) {
            Trial t = started(i, "hybrid");
            bar.trialStarted(t, 4);
            clock.advance(Duration.ofSeconds(30));
            done.add(finished(t, 0.5 + 0.1 * i, 1000, 200));
            bar.trialFinished(done.get(i), after(done, 4));
        }
        bar.trialStarted(started(2, "hybrid"), 4);
        clock.advance(Duration.ofSeconds(5));
        bar.redraw();
        // 2 of 4 done in 65 s: 32.5 s per trial, 2 left: about 1m05s.
        assertThat(screenLine()).isEqualTo("[###############...............] trial 3/4  best 0.6 (#1)  1m05s, ~1m05s left"
                + "  hybrid  2.4k tokens");
        assertThat(text()).as("redrawn with \\r, never a new line per redraw, apart from the new-best lines")
                .contains("\r[").doesNotContain("\u001b");
        assertThat(text().lines().filter(l -> l.contains("COMPLETE accuracy="))).hasSize(2);
    }

    @Test
    void withSeveralTrialsRunningTheBarSaysHowManyRunAndAFinishedOneLeavesTheOthersCounted() {
        List<Trial> done = new ArrayList<>();
        bar.begin(after(done, 8));
        Trial[] running = {started(0, "gp"), started(1, "gp"), started(2, "gp")};
        for (Trial t : running) {
            bar.trialStarted(t, 8);
        }
        assertThat(screenLine()).contains("0/8 done, 3 running");
        clock.advance(Duration.ofSeconds(10));
        done.add(finished(running[1], 0.5, 0, 0));
        bar.trialFinished(done.get(0), after(done, 8));
        assertThat(screenLine()).contains("1/8 done, 2 running");
        bar.warning("trial #0 ended (value 1.0) after another worker had taken it over");
        assertThat(text()).contains("tune: warning: trial #0 ended");
        assertThat(screenLine()).contains("1/8 done, 2 running");
    }

    @Test
    void nothingIsWrittenWhenTheTextHasNotChanged() {
        bar.begin(after(List.of(), 3));
        bar.trialStarted(started(0, "gp"), 3);
        int before = text().length();
        bar.redraw();
        bar.redraw();
        assertThat(text()).hasSize(before);
        clock.advance(Duration.ofSeconds(1));
        bar.redraw();
        assertThat(text().length()).isGreaterThan(before);
        assertThat(screenLine()).contains("trial 1/3", "best -", "1s, ~? left", "gp", "0 tokens");
    }

    @Test
    void theLineNeverReachesTheLastColumnAndDropsTheLeastImportantFactsFirst() {
        List<Trial> done = new ArrayList<>(List.of(finished(started(0, "llambo"), 0.9, 10, 10)));
        bar.begin(after(done, 50));
        bar.trialStarted(started(1, "llambo"), 50);
        for (int w : new int[] {120, 80, 60, 40, 20, 8}) {
            width = w;
            clock.advance(Duration.ofSeconds(1));
            bar.redraw();
            assertThat(screenLine().length()).as("width " + w).isLessThan(w);
            for (String seg : text().split("[\r\n]")) {
                assertThat(seg.length()).as("every write fits width " + w).isLessThan(Math.max(w, 120));
            }
        }
        width = 60;
        clock.advance(Duration.ofSeconds(1));
        bar.redraw();
        assertThat(screenLine()).startsWith("[").contains("trial 2/50", "best 0.9 (#0)").doesNotContain("tokens");
    }

    @Test
    void aFailedTrialLeavesItsPlainLineAboveTheBarAndCloseEndsTheLine() {
        List<Trial> done = new ArrayList<>();
        bar.begin(after(done, 2));
        Trial t = started(0, "gp");
        bar.trialStarted(t, 2);
        clock.advance(Duration.ofSeconds(2));
        done.add(finished(t, null, 0, 0));
        bar.trialFinished(done.get(0), after(done, 2));
        assertThat(text()).contains("[1/2] #0 FAILED   exit code 3");
        bar.close();
        assertThat(text()).endsWith("\n");
        assertThat(screenLine()).isEmpty();
        String[] lines = text().split("\n");
        assertThat(lines[lines.length - 1]).contains("1/2 done");
    }

    @Test
    void aResumedStudyStartsFromItsFinishedTrialsAndEstimatesFromThisRunOnly() {
        List<Trial> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            done.add(finished(started(i, "gp"), 0.1 * i, 0, 0));
        }
        Trial crashed = started(5, "gp");
        bar.begin(after(List.of(done.get(0), done.get(1), done.get(2), done.get(3), done.get(4), crashed), 10));
        assertThat(screenLine()).contains("5/10 done", "best 0.4 (#4)");
        done.add(finished(crashed, null, 0, 0));
        bar.recovered(List.of(done.get(5)));
        assertThat(text()).contains("Resuming: 1 trial(s) left RUNNING by an earlier run (#5)");
        assertThat(screenLine()).as("the recovered trial counts as finished").contains("6/10 done");
        bar.notice("Trial #5: ended its job left running by the earlier run (pid 42)");
        assertThat(text()).contains("\rTrial #5: ended its job left running by the earlier run (pid 42)\n");
        assertThat(screenLine()).as("the notice goes above the bar").contains("6/10 done");
        Trial t = started(6, "gp");
        bar.trialStarted(t, 10);
        clock.advance(Duration.ofSeconds(10));
        done.add(finished(t, 0.0, 0, 0));
        bar.trialFinished(done.get(6), after(done, 10));
        assertThat(screenLine()).as("one trial in 10 s by this run, 3 left").contains("7/10 done", "10s, ~30s left");
    }
}
