package dev.tuneagent.shell.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.shell.run.ProgressPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How queued trials (re-runs, warm start, a user's) read in progress lines and in {@code status}. */
class QueuedTrialFormatTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final StudyDefinition DEF = new StudyDefinition("s", SearchSpace.of(new FloatParam("x", 0, 1, false)),
            Direction.MINIMIZE, "loss", 1, 5, "{}", T);
    private static final Provenance FELL_BACK = Provenance.of("gp", 1).withFallback("llambo failed: no JSON");

    private static Trial trial(int n, TrialState state, Provenance p, Map<String, Object> attrs) {
        return new Trial(n, Map.of("x", 0.5), state, state == TrialState.COMPLETE ? 0.25 : null, Map.of(), p,
                state == TrialState.WAITING ? null : T, state.isFinished() ? T.plusSeconds(2) : null,
                state == TrialState.FAILED ? "interrupted by user" : null, attrs);
    }

    @Test
    void aProgressLineSaysWhyATrialWasQueued() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), "loss");
        Trial rerun = trial(3, TrialState.COMPLETE, FELL_BACK, Map.of("source", "rerun", "rerun_of", 2));
        Trial warm = trial(0, TrialState.COMPLETE, Provenance.of("llm-warmstart", 1), Map.of("source", "warmstart"));
        Trial user = trial(1, TrialState.COMPLETE, Provenance.of("enqueue", 0), Map.of("source", "enqueue"));
        for (Trial t : List.of(rerun, warm, user)) {
            printer.trialFinished(t, new StudySnapshot(DEF, List.of(t)));
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).satisfiesExactly(
                l -> assertThat(l).endsWith("2.0s  gp (llambo failed: no JSON) [re-run of #2]"),
                l -> assertThat(l).endsWith("2.0s  llm-warmstart [warm start]"),
                l -> assertThat(l).endsWith("2.0s  enqueue"));
    }

    @Test
    void statusListsTheQueueAndCountsARerunsCopiedFallbackOnce() {
        StudySnapshot s = new StudySnapshot(DEF, List.of(
                trial(0, TrialState.FAILED, FELL_BACK, Map.of()),
                trial(1, TrialState.COMPLETE, FELL_BACK, Map.of("source", "rerun", "rerun_of", 0)),
                trial(2, TrialState.WAITING, Provenance.of("enqueue", 0), Map.of("source", "enqueue")),
                trial(3, TrialState.WAITING, Provenance.of("llm-warmstart", 1), Map.of("source", "warmstart"))));
        assertThat(StudyReport.status(s, "memory:")).contains(
                "Budget:    2/5 trials finished\n",
                "Trials:    2 waiting, 1 complete, 1 failed\n",
                "Queued:    2 waiting (#2 enqueued, #3 warm start); they run first when the study runs\n",
                "Proposers: enqueue=1, gp=2, llm-warmstart=1  (1 fallbacks)\n");
    }
}
