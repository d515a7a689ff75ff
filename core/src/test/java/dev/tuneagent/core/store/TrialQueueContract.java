package dev.tuneagent.core.store;

import static dev.tuneagent.core.store.StudyStoreContract.at;
import static dev.tuneagent.core.store.StudyStoreContract.definition;
import static dev.tuneagent.core.store.StudyStoreContract.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract's part about WAITING trials and trial attributes: enqueue, claim oldest first (never twice,
 * even by two writers at once) and attributes added while a trial runs. {@link StudyStoreContract}
 * extends it, so every store runs these too.
 */
public abstract class TrialQueueContract {

    /** The store under test (open for the current test). */
    protected abstract StudyStore storeUnderTest();

    /** A second handle on the same data, or the same instance; closed by the caller when different. */
    protected abstract StudyStore anotherHandle();

    @Test
    void enqueuedTrialsWaitAndAreClaimedOldestFirstWithTheirAttributes() {
        StudyStore store = storeUnderTest();
        store.createStudy(definition("q"));
        Map<String, Object> attrs = TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART);
        Proposal first = new Proposal(proposal(0).params(), proposal(0).provenance(), attrs);
        Trial w0 = store.enqueueTrial("q", first, at(0));
        Trial w1 = store.enqueueTrial("q", proposal(1), at(1));
        assertThat(List.of(w0.number(), w1.number())).containsExactly(0, 1);
        assertThat(w0.state()).isEqualTo(TrialState.WAITING);
        assertThat(w0.startedAt()).isNull();

        assertThat(store.failPendingTrials("q", "resume", at(2))).isZero();
        Trial claimed = store.claimWaitingTrial("q", at(3)).orElseThrow();
        assertThat(claimed.number()).isZero();
        assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
        assertThat(claimed.startedAt()).isEqualTo(at(3));
        assertThat(claimed.attrs()).isEqualTo(attrs);
        assertThat(claimed.params()).isEqualTo(proposal(0).params());
        assertThat(store.trials("q").get(0)).isEqualTo(claimed);

        assertThat(store.startTrial("q", proposal(2), at(4)).number()).isEqualTo(2);
        assertThat(store.claimWaitingTrial("q", at(5)).orElseThrow().number()).isEqualTo(1);
        assertThat(store.claimWaitingTrial("q", at(6))).isEmpty();
    }

    @Test
    void twoClaimersAtOnceNeverClaimTheSameTrial() throws Exception {
        StudyStore store = storeUnderTest();
        store.createStudy(definition("s"));
        int queued = 40;
        for (int i = 0; i < queued; i++) {
            store.enqueueTrial("s", proposal(i), at(i));
        }
        StudyStore other = anotherHandle();
        try {
            List<List<Integer>> claims = ConcurrentCalls.together(claimer(store), claimer(other));
            List<Integer> all = new ArrayList<>(claims.get(0));
            all.addAll(claims.get(1));
            // Every trial claimed exactly once across both claimers (one of them may get none on a fast machine).
            assertThat(all).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, queued).boxed().toList());
            assertThat(store.trials("s")).allMatch(Trial::isComplete);
        } finally {
            if (other != store) {
                other.close();
            }
        }
    }

    private static Callable<List<Integer>> claimer(StudyStore s) {
        return () -> {
            List<Integer> mine = new ArrayList<>();
            for (Optional<Trial> t = s.claimWaitingTrial("s", at(100)); t.isPresent();
                 t = s.claimWaitingTrial("s", at(100))) {
                mine.add(t.get().number());
                s.finishTrial("s", t.get().number(), TrialOutcome.complete(1.0, Map.of()), at(101));
            }
            return mine;
        };
    }

    @Test
    void attributesAddedWhileATrialRunsAreKeptAndAFinishedTrialRefusesThem() {
        StudyStore store = storeUnderTest();
        store.createStudy(definition("a"));
        Proposal p = new Proposal(proposal(0).params(), proposal(0).provenance(),
                TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_USER));
        Trial t = store.startTrial("a", p, at(0));

        Trial after = store.putTrialAttrs("a", t.number(), Map.of("slurm_job_id", "4242"));
        assertThat(after.attrs()).containsEntry("source", "enqueue").containsEntry("slurm_job_id", "4242");
        store.putTrialAttrs("a", t.number(), Map.of("slurm_job_id", "4243"));
        assertThat(store.trials("a").get(0).attrs()).containsEntry("slurm_job_id", "4243")
                .containsEntry("source", "enqueue");

        Trial done = store.finishTrial("a", t.number(), TrialOutcome.complete(0.5, Map.of()), at(1));
        assertThat(done.attrs()).containsEntry("slurm_job_id", "4243");
        assertThatThrownBy(() -> store.putTrialAttrs("a", t.number(), Map.of("x", 1L)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trial 0");
        assertThatThrownBy(() -> store.putTrialAttrs("a", 9, Map.of("x", 1L)))
                .isInstanceOf(StoreException.class).hasMessageContaining("no trial 9");
        assertThat(store.trials("a")).containsExactly(done);
    }
}
