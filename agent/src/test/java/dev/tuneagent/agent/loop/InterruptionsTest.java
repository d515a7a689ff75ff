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

    private static Trial trial(int n, double x, TrialState state, String message, Provenance p, Map<String, Object> attrs) {
        return new Trial(n, Map.of("x", x), state, state == TrialState.COMPLETE ? 1.0 : null, Map.of(), p,
                Instant.EPOCH, Instant.EPOCH, message, attrs);
    }

    private static Trial trial(int n, double x, TrialState state, String message, Provenance p) {
        return trial(n, x, state, message, p, Map.of());
    }

    private static List<Proposal> missing(Trial... trials) {
        return Interruptions.missingReruns(new StudySnapshot(DEF, List.of(trials)), 10);
    }

    @Test
    void nothingIsRerunWhenNothingWasInterrupted() {
        assertThat(missing(trial(0, 1, TrialState.COMPLETE, null, Provenance.of("gp", 1)),
                trial(1, 2, TrialState.FAILED, "exit code 1", Provenance.of("gp", 2)))).isEmpty();
    }

    @Test
    void aRerunKeepsTheConfigurationAndProvenanceZeroesTheTokensAndNamesTheTrialInItsAttributes() {
        Provenance llm = new Provenance("llambo", "v1", "openai:m", 7, "gp: bad JSON", 100, 20, 0.01);
        Proposal p = missing(trial(0, 3, TrialState.FAILED, Interruptions.FOUND_AT_RESUME, llm)).get(0);
        assertThat(p.params()).isEqualTo(Map.of("x", 3.0));
        assertThat(p.provenance()).isEqualTo(new Provenance("llambo", "v1", "openai:m", 7, "gp: bad JSON", 0, 0, 0));
        assertThat(p.attrs()).isEqualTo(Map.of("source", "rerun", "rerun_of", 0));
    }

    @Test
    void aSecondCrashDuringTheRerunQueuesTheSameConfigurationOnceMoreAndADoneRerunNothing() {
        Trial cut = trial(0, 3, TrialState.FAILED, Interruptions.FOUND_AT_RESUME, Provenance.of("gp", 7));
        Proposal first = missing(cut).get(0);
        Trial cutAgain = trial(1, 3, TrialState.FAILED, Interruptions.FOUND_AT_RESUME, first.provenance(), first.attrs());
        assertThat(missing(cut, cutAgain)).singleElement()
                .satisfies(p -> assertThat(p.attrs()).containsEntry("rerun_of", 1));

        Trial done = trial(2, 3, TrialState.COMPLETE, null, first.provenance(), Map.of("source", "rerun", "rerun_of", 1));
        assertThat(missing(cut, cutAgain, done)).isEmpty();
    }

    @Test
    void aRerunStillWaitingCountsAsEnqueuedSoAStartAfterACrashAddsNothing() {
        Trial cut = trial(0, 3, TrialState.FAILED, Interruptions.BY_USER, Provenance.of("sobol", 3));
        Trial queued = new Trial(1, Map.of("x", 3.0), TrialState.WAITING, null, Map.of(), Provenance.of("sobol", 3),
                null, null, null, Map.of("source", "rerun", "rerun_of", 0L));
        assertThat(missing(cut, queued)).isEmpty();
    }

    @Test
    void userInterruptionsAreRerunTooOldestFirstAndOnlyAsManyAsThereIsRoom() {
        Trial a = trial(0, 4, TrialState.FAILED, Interruptions.BY_USER, Provenance.of("sobol", 3));
        Trial b = trial(1, 2, TrialState.FAILED, Interruptions.FOUND_AT_RESUME, Provenance.of("sobol", 4));
        assertThat(missing(a, b)).extracting(p -> p.attrs().get("rerun_of")).containsExactly(0, 1);
        assertThat(Interruptions.missingReruns(new StudySnapshot(DEF, List.of(a, b)), 1)).hasSize(1);
        assertThat(Interruptions.missingReruns(new StudySnapshot(DEF, List.of(a, b)), 0)).isEmpty();
    }

    @Test
    void aFailureWhoseMessageMerelyStartsWithInterruptedIsTheJobsOwnFailure() {
        assertThat(missing(trial(0, 1, TrialState.FAILED, "interrupted system call (exit 4)", Provenance.of("gp", 1))))
                .isEmpty();
    }
}
