package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
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

class InterruptionsTest {
    private static final StudyDefinition DEF = new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 1, 10,
            "{}", Instant.EPOCH);

    private static Trial trial(int n, double x, TrialState state, String message, Provenance p) {
        return new Trial(n, Map.of("x", x), state, state == TrialState.COMPLETE ? 1.0 : null, Map.of(), p,
                Instant.EPOCH, Instant.EPOCH, message);
    }

    @Test
    void nothingIsRerunWhenNothingWasInterrupted() {
        StudySnapshot s = new StudySnapshot(DEF, List.of(trial(0, 1, TrialState.COMPLETE, null, Provenance.of("gp", 1)),
                trial(1, 2, TrialState.FAILED, "exit code 1", Provenance.of("gp", 2))));
        assertThat(Interruptions.nextRerun(s)).isEmpty();
    }

    @Test
    void aSecondCrashDuringTheRerunQueuesTheSameConfigurationOnceMore() {
        Provenance gp = new Provenance("gp", null, null, 7, null, 100, 20, 0.01);
        Trial cut = trial(0, 3, TrialState.FAILED, Interruptions.FOUND_AT_RESUME, gp);
        Proposal first = Interruptions.nextRerun(new StudySnapshot(DEF, List.of(cut))).orElseThrow();
        assertThat(first.params()).isEqualTo(cut.params());
        assertThat(first.provenance()).isEqualTo(new Provenance("gp", null, null, 7, "re-run of interrupted trial 0", 0, 0, 0));

        Trial cutAgain = trial(1, 3, TrialState.FAILED, Interruptions.FOUND_AT_RESUME, first.provenance());
        Proposal second = Interruptions.nextRerun(new StudySnapshot(DEF, List.of(cut, cutAgain))).orElseThrow();
        assertThat(second.provenance().fallback()).isEqualTo("re-run of interrupted trial 1");

        Trial done = trial(2, 3, TrialState.COMPLETE, null, second.provenance());
        assertThat(Interruptions.nextRerun(new StudySnapshot(DEF, List.of(cut, cutAgain, done)))).isEmpty();
    }

    @Test
    void userInterruptionsAreRerunToo() {
        Trial stopped = trial(0, 4, TrialState.FAILED, Interruptions.BY_USER, Provenance.of("sobol", 3));
        assertThat(Interruptions.nextRerun(new StudySnapshot(DEF, List.of(stopped)))).isPresent();
    }
}
