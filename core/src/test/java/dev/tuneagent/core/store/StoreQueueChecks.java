package dev.tuneagent.core.store;

import static dev.tuneagent.core.store.StudyStoreContract.at;
import static dev.tuneagent.core.store.StudyStoreContract.config;
import static dev.tuneagent.core.store.StudyStoreContract.definition;
import static dev.tuneagent.core.store.StudyStoreContract.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Part of {@link StudyStoreContract}: the trial state machine as every store enforces it (Optuna's
 * "every state x every transition"), and the WAITING queue: enqueue, claim, and two writers claiming.
 */
public interface StoreQueueChecks {
    StudyStore store();

    StudyStore otherHandle();

    /** Attributes of every JSON type, nested, as they come back from any store. */
    Map<String, Object> ATTRS = Map.of("source", "warmstart", "rerun_of", 3, "ok", true, "acquisition",
            Map.of("name", "logei", "value", -1.25), "candidates", List.of(Map.of("params", Map.of("lr", 0.5),
                    "score", 0.125, "scorer", "gp-logei"), "second"));

    /** The only trial of a new study {@code name}, brought into {@code state} through public operations only. */
    private Trial inState(String name, TrialState state) {
        StudyStore s = store();
        s.createStudy(definition(name));
        if (state == TrialState.WAITING) {
            return s.enqueueTrial(name, proposal(0).withAttrs(ATTRS), at(0));
        }
        Trial t = s.startTrial(name, proposal(0).withAttrs(ATTRS), at(0));
        return switch (state) {
            case RUNNING -> t;
            case COMPLETE -> s.finishTrial(name, 0, TrialOutcome.complete(0.5, Map.of("m", 1.0)), at(1));
            case FAILED -> s.finishTrial(name, 0, TrialOutcome.failed("boom"), at(1));
            case PRUNED -> s.finishTrial(name, 0, TrialOutcome.pruned("early"), at(1));
            default -> throw new IllegalStateException(state.name());
        };
    }

    @ParameterizedTest
    @EnumSource(TrialState.class)
    default void everyOperationOnATrialInEachStateDoesOnlyWhatTheStateMachineAllows(TrialState state) {
        StudyStore s = store();
        for (TrialOutcome outcome : List.of(TrialOutcome.complete(0.9, Map.of()), TrialOutcome.failed("late"),
                TrialOutcome.pruned("late"))) {
            String name = "finish-" + outcome.state();
            Trial before = inState(name, state);
            Throwable thrown = catchThrowable(() -> s.finishTrial(name, 0, outcome, at(9)));
            if (state == TrialState.RUNNING) {
                assertThat(thrown).isNull();
                assertThat(s.trials(name).get(0).state()).isEqualTo(outcome.state());
                assertThat(s.trials(name).get(0).attrs()).isEqualTo(ATTRS);
            } else {
                // Only RUNNING trials finish: a WAITING one is claimed first, a finished one never changes.
                assertThat(thrown).as(state + " -> " + outcome.state()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("trial 0").hasMessageContaining(state.name());
                assertThat(s.trials(name)).containsExactly(before);
            }
        }

        Trial before = inState("claim", state);
        Optional<Trial> claimed = s.claimWaitingTrial("claim", at(9));
        assertThat(claimed.isPresent()).as("claim from " + state).isEqualTo(state == TrialState.WAITING);
        assertThat(s.trials("claim").get(0).state()).isEqualTo(state == TrialState.WAITING ? TrialState.RUNNING : state);

        Trial untouched = inState("resume", state);
        int failed = s.failPendingTrials("resume", "interrupted", at(10));
        Trial after = s.trials("resume").get(0);
        if (state == TrialState.RUNNING) {
            assertThat(failed).isEqualTo(1);
            assertThat(after.state()).isEqualTo(TrialState.FAILED);
            assertThat(after.message()).isEqualTo("interrupted");
            assertThat(after.finishedAt()).isEqualTo(at(10));
            assertThat(after.attrs()).isEqualTo(ATTRS);
        } else {
            // WAITING stays queued across a resume; finished trials never change.
            assertThat(failed).isZero();
            assertThat(after).isEqualTo(untouched);
        }
        assertThat(before.attrs()).isEqualTo(ATTRS);
    }

    @Test
    default void aWaitingTrialIsNeverFailedByResumeAndKeepsItsPlaceInTheQueue() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        s.enqueueTrial("s", proposal(0), at(0));
        s.startTrial("s", proposal(1), at(1));
        assertThat(s.failPendingTrials("s", "interrupted", at(2))).isEqualTo(1);
        Trial waiting = s.trials("s").get(0);
        assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
        assertThat(waiting.startedAt()).isNull();
        assertThat(waiting.finishedAt()).isNull();
        assertThat(s.snapshot("s").pending()).containsExactly(waiting);
        assertThat(s.listStudies().get(0).count(TrialState.WAITING)).isEqualTo(1);
    }

    @Test
    default void claimsTakeTheOldestWaitingTrialWithItsParamsProvenanceAndAttributes() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        Provenance p = new Provenance("llm-warmstart", "v1", "openai:m", 9, null, 10, 2, 0.5);
        Trial q0 = s.enqueueTrial("s", new Proposal(config(0.01, 7, 3), p, ATTRS), at(0));
        s.startTrial("s", proposal(1), at(1));
        Trial q2 = s.enqueueTrial("s", proposal(2).withAttrs(Map.of("source", "enqueue")), at(2));
        assertThat(List.of(q0.number(), q2.number())).containsExactly(0, 2);
        assertThat(q0.params().get("criterion")).isEqualTo(3L);

        Trial c0 = s.claimWaitingTrial("s", at(5)).orElseThrow();
        assertThat(c0).isEqualTo(new Trial(0, q0.params(), TrialState.RUNNING, null, Map.of(), p, at(5), null, null,
                ATTRS));
        assertThat(s.trials("s").get(0)).isEqualTo(c0);
        assertThat(s.claimWaitingTrial("s", at(6)).orElseThrow().number()).isEqualTo(2);
        assertThat(s.claimWaitingTrial("s", at(7))).isEmpty();
        assertThat(s.startTrial("s", proposal(3), at(8)).number()).isEqualTo(3);
        s.finishTrial("s", 0, TrialOutcome.complete(0.7, Map.of()), at(9));
        assertThat(s.trials("s").get(0).attrs()).isEqualTo(ATTRS);
    }

    @Test
    default void anEnqueuedConfigurationIsValidatedLikeAStartedOneAndCallsOnAMissingStudyFail() {
        StudyStore s = store();
        s.createStudy(definition("s"));
        assertThatThrownBy(() -> s.enqueueTrial("s", new Proposal(config(5.0, 3, "gini"), Provenance.of("u", 0)),
                at(0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lr");
        assertThat(s.trials("s")).isEmpty();
        assertThatThrownBy(() -> s.enqueueTrial("ghost", proposal(0), at(0))).isInstanceOf(StoreException.class)
                .hasMessageContaining("\"ghost\"");
        assertThatThrownBy(() -> s.claimWaitingTrial("ghost", at(0))).isInstanceOf(StoreException.class)
                .hasMessageContaining("\"ghost\"");
        assertThat(s.claimWaitingTrial("s", at(0))).isEmpty();
    }

    @Test
    default void twoThreadsOnOneHandleNeverClaimTheSameWaitingTrial() throws Exception {
        claimRace(store(), store());
    }

    @Test
    default void twoHandlesOnTheSameDataNeverClaimTheSameWaitingTrial() throws Exception {
        StudyStore other = otherHandle();
        try {
            claimRace(store(), other);
        } finally {
            if (other != store()) {
                other.close();
            }
        }
    }

    private void claimRace(StudyStore a, StudyStore b) throws Exception {
        int queued = 60;
        a.createStudy(definition("s"));
        for (int i = 0; i < queued; i++) {
            a.enqueueTrial("s", proposal(i), at(i));
        }
        List<List<Integer>> claimed = ConcurrentCalls.together(claimer(a), claimer(b));
        List<Integer> all = new ArrayList<>(claimed.get(0));
        all.addAll(claimed.get(1));
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, queued).boxed().toList());
        assertThat(claimed).allSatisfy(mine -> assertThat(mine).isSorted());
        assertThat(a.trials("s")).allMatch(t -> t.state() == TrialState.RUNNING);
    }

    private static Callable<List<Integer>> claimer(StudyStore s) {
        return () -> {
            List<Integer> mine = new ArrayList<>();
            for (Optional<Trial> t = s.claimWaitingTrial("s", at(100)); t.isPresent();
                    t = s.claimWaitingTrial("s", at(100))) {
                mine.add(t.get().number());
            }
            return mine;
        };
    }
}
