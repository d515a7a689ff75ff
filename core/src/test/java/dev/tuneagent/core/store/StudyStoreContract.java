package dev.tuneagent.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StudyStore} promises. A store's test extends this class and says how to make an
 * empty store and, for the two-writer checks, how to get a second handle on the same data (another
 * connection to the same file, say). Shipped in the core test-jar.
 */
public abstract class StudyStoreContract extends TrialQueueContract implements StoreQueueChecks, StoreHistoryProperty,
        StoreLeaseChecks {
    protected static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");
    protected static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("lr", 1e-5, 1.0, true),
            new FloatParam("dropout", 0.0, 0.5, false),
            new IntParam("trees", 1, 1000, true),
            new CategoricalParam("criterion", List.of("gini", "entropy", 3L, 2.5, true)),
            new OrdinalParam("batch", List.of(16L, 32L, 64L)));

    protected StudyStore store;

    /** A new, empty store. It is closed after each test. */
    protected abstract StudyStore newStore();

    /**
     * A second handle on the data of {@link #store}, used by another thread in the concurrency checks.
     * The default shares the instance; a file-backed store should open a second instance on the file. Each call
     * returns a new handle with an owner of its own ({@link StoreLeaseChecks} counts on that).
     */
    protected StudyStore secondHandle() {
        return store;
    }

    @Override
    public StudyStore store() {
        return store;
    }

    @Override
    protected StudyStore storeUnderTest() {
        return store;
    }

    @Override
    public StudyStore otherHandle() {
        return secondHandle();
    }

    /**
     * A new, empty store whose files (if any) go under {@code dir}: the random-history property makes one
     * per try, outside JUnit's lifecycle. The default is {@link #newStore()}.
     */
    protected StudyStore newStoreIn(java.nio.file.Path dir) {
        return newStore();
    }

    @Override
    public StudyStore freshStoreIn(java.nio.file.Path dir) {
        return newStoreIn(dir);
    }

    @Override
    protected StudyStore anotherHandle() {
        return secondHandle();
    }

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) { // null when newStore() skipped the test (a real service that is not there)
            store.close();
        }
    }

    protected static StudyDefinition definition(String name) {
        return new StudyDefinition(name, SPACE, Direction.MAXIMIZE, "accuracy", 42L, 30,
                "{\"name\":\"" + name + "\",\"budget\":{\"trials\":30}}", T0);
    }

    protected static Map<String, Object> config(double lr, long trees, Object criterion) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("dropout", 0.25);
        m.put("trees", trees);
        m.put("criterion", criterion);
        m.put("batch", 32L);
        return m;
    }

    protected static Proposal proposal(int i) {
        return new Proposal(config(1e-3 * (i + 1), i + 1L, "gini"), Provenance.of("random", i));
    }

    protected static Instant at(int seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    protected Trial runTrial(String study, int i, double value) {
        Trial t = store.startTrial(study, proposal(i), at(i));
        return store.finishTrial(study, t.number(), TrialOutcome.complete(value, Map.of("value", value)), at(i + 1));
    }

    @Test
    void aCreatedStudyIsFoundWithExactlyItsDefinition() {
        StudyDefinition d = definition("rf-wine");
        store.createStudy(d);
        assertThat(store.findStudy("rf-wine")).contains(d);
        assertThat(store.findStudy("rf-wine").orElseThrow().space()).isEqualTo(SPACE);
    }

    @Test
    void anUnknownStudyIsNotFound() {
        assertThat(store.findStudy("nope")).isEmpty();
        assertThat(store.listStudies()).isEmpty();
    }

    @Test
    void creatingAStudyWhoseNameIsTakenIsRefusedAndKeepsTheFirst() {
        StudyDefinition first = definition("dup");
        store.createStudy(first);
        runTrial("dup", 0, 0.5);
        StudyDefinition second = new StudyDefinition("dup", SPACE, Direction.MINIMIZE, "loss", 1, 5, "{}", at(9));
        assertThatThrownBy(() -> store.createStudy(second)).isInstanceOf(StoreException.class)
                .hasMessageContaining("\"dup\"").hasMessageContaining("already exists");
        assertThat(store.findStudy("dup")).contains(first);
        assertThat(store.trials("dup")).hasSize(1);
    }

    @Test
    void studiesAreListedInCreationOrderWithTheirCountsAndBestValue() {
        store.createStudy(definition("b-first"));
        store.createStudy(definition("a-second"));
        runTrial("a-second", 0, 0.7);
        runTrial("a-second", 1, 0.9);
        store.startTrial("a-second", proposal(2), at(5));
        Trial failed = store.startTrial("a-second", proposal(3), at(6));
        store.finishTrial("a-second", failed.number(), TrialOutcome.failed("boom"), at(7));

        List<StudySummary> list = store.listStudies();
        assertThat(list).extracting(s -> s.definition().name()).containsExactly("b-first", "a-second");
        assertThat(list.get(0).finished()).isZero();
        assertThat(list.get(0).bestValue()).isNull();
        StudySummary s = list.get(1);
        assertThat(s.count(TrialState.COMPLETE)).isEqualTo(2);
        assertThat(s.count(TrialState.RUNNING)).isEqualTo(1);
        assertThat(s.count(TrialState.FAILED)).isEqualTo(1);
        assertThat(s.finished()).isEqualTo(3);
        assertThat(s.bestValue()).isEqualTo(0.9);
    }

    @Test
    void everyCallOnAMissingStudyNamesItAndSuggestsListingTheStudies() {
        List<Runnable> calls = List.of(
                () -> store.startTrial("ghost", proposal(0), T0),
                () -> store.finishTrial("ghost", 0, TrialOutcome.failed("x"), T0),
                () -> store.trials("ghost"),
                () -> store.snapshot("ghost"),
                () -> store.failPendingTrials("ghost", "x", T0),
                () -> store.enqueueTrial("ghost", proposal(0), T0),
                () -> store.claimWaitingTrial("ghost", T0));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(StoreException.class)
                    .hasMessageContaining("\"ghost\"").hasMessageContaining("tune studies");
        }
    }

    @Test
    void trialNumbersAreDenseFromZeroAndPerStudy() {
        store.createStudy(definition("one"));
        store.createStudy(definition("two"));
        for (int i = 0; i < 4; i++) {
            assertThat(store.startTrial("one", proposal(i), at(i)).number()).isEqualTo(i);
        }
        store.finishTrial("one", 2, TrialOutcome.pruned("early stop"), at(9));
        assertThat(store.startTrial("one", proposal(4), at(10)).number()).isEqualTo(4);
        assertThat(store.startTrial("two", proposal(0), at(11)).number()).isZero();
        assertThat(store.trials("one")).extracting(Trial::number).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void onlyARunningTrialCanBeFinishedAndAFinishedTrialNeverChanges() {
        store.createStudy(definition("s"));
        Trial done = runTrial("s", 0, 0.8);
        assertThatThrownBy(() -> store.finishTrial("s", 0, TrialOutcome.complete(0.1, Map.of()), at(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trial 0").hasMessageContaining("COMPLETE");
        assertThatThrownBy(() -> store.finishTrial("s", 0, TrialOutcome.failed("late"), at(20)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.trials("s")).containsExactly(done);
    }

    @Test
    void finishingATrialThatDoesNotExistIsAStoreError() {
        store.createStudy(definition("s"));
        assertThatThrownBy(() -> store.finishTrial("s", 7, TrialOutcome.failed("x"), T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("no trial 7");
    }

    @Test
    void aNanObjectiveIsStoredAsAFailedTrialWithTheReason() {
        store.createStudy(definition("s"));
        Trial t = store.startTrial("s", proposal(0), T0);
        Trial done = store.finishTrial("s", t.number(), TrialOutcome.complete(Double.NaN, Map.of("f1", 0.5)), at(1));
        assertThat(done.state()).isEqualTo(TrialState.FAILED);
        assertThat(done.value()).isNull();
        assertThat(done.message()).contains("NaN");
        assertThat(store.trials("s")).containsExactly(done);
        assertThat(store.snapshot("s").best()).isEmpty();
    }

    @Test
    void failingPendingTrialsChangesOnlyRunningOnesAndRecordsTheReason() {
        store.createStudy(definition("s"));
        Trial complete = runTrial("s", 0, 0.4);
        store.startTrial("s", proposal(1), at(3));
        store.startTrial("s", proposal(2), at(4));
        String reason = "interrupted: the process running this trial stopped (found RUNNING at resume)";

        assertThat(store.failPendingTrials("s", reason, at(50))).isEqualTo(2);

        List<Trial> trials = store.trials("s");
        assertThat(trials.get(0)).isEqualTo(complete);
        for (Trial t : trials.subList(1, 3)) {
            assertThat(t.state()).isEqualTo(TrialState.FAILED);
            assertThat(t.message()).isEqualTo(reason);
            assertThat(t.finishedAt()).isEqualTo(at(50));
            assertThat(t.params()).isEqualTo(proposal(t.number()).params());
        }
        assertThat(store.failPendingTrials("s", reason, at(60))).isZero();
        assertThat(store.startTrial("s", proposal(3), at(61)).number()).isEqualTo(3);
    }

    @Test
    void aSnapshotAgreesWithTheTrialsAndDoesNotChangeAfterwards() {
        StudyDefinition d = definition("s");
        store.createStudy(d);
        runTrial("s", 0, 0.3);
        Trial running = store.startTrial("s", proposal(1), at(2));
        var before = store.snapshot("s");
        assertThat(before.study()).isEqualTo(d);
        assertThat(before.trials()).isEqualTo(store.trials("s"));
        assertThat(before.pending()).containsExactly(running);

        store.finishTrial("s", 1, TrialOutcome.complete(0.9, Map.of()), at(3));
        assertThat(before.pending()).containsExactly(running);
        assertThat(store.snapshot("s").pending()).isEmpty();
        assertThat(store.snapshot("s").best().orElseThrow().number()).isEqualTo(1);
    }

    @Test
    void paramsProvenanceMetricsAndTimesComeBackExactlyWithCanonicalTypes() {
        store.createStudy(definition("s"));
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("lr", 0.000123456789012345);
        raw.put("dropout", 0); // an Integer where a float is declared: stored as the Double 0.0
        raw.put("trees", 17); // an Integer: stored as the Long 17
        raw.put("criterion", 2.5);
        raw.put("batch", 64);
        Provenance p = new Provenance("llm", "candidates-v3", "openai:gpt-4o-mini", -7L,
                "gp: the model returned no valid JSON", 1234, 56, 0.00042);
        Instant started = Instant.parse("2026-05-06T07:08:09.987654321Z");
        Trial t = store.startTrial("s", new Proposal(raw, p), started);

        Map<String, Double> metrics = Map.of("accuracy", 0.1 + 0.2, "logloss", Double.NaN, "big", Double.POSITIVE_INFINITY);
        store.finishTrial("s", t.number(), new TrialOutcome(TrialState.COMPLETE, 0.30000000000000004, metrics, null),
                started.plusNanos(1));

        Trial back = store.trials("s").get(0);
        assertThat(back.params()).containsExactly(Map.entry("lr", 0.000123456789012345), Map.entry("dropout", 0.0),
                Map.entry("trees", 17L), Map.entry("criterion", 2.5), Map.entry("batch", 64L));
        assertThat(back.params().get("dropout")).isInstanceOf(Double.class);
        assertThat(back.params().get("trees")).isInstanceOf(Long.class);
        assertThat(back.provenance()).isEqualTo(p);
        assertThat(back.metrics()).isEqualTo(metrics);
        assertThat(back.value()).isEqualTo(0.30000000000000004);
        assertThat(back.startedAt()).isEqualTo(started);
        assertThat(back.finishedAt()).isEqualTo(started.plusNanos(1));
        assertThat(back.message()).isNull();
        assertThat(store.snapshot("s").trials()).containsExactly(back);
    }

    @Test
    void choicesOfEveryTypeKeepTheirDeclaredType() {
        store.createStudy(definition("s"));
        List<Object> choices = List.of("gini", "entropy", 3L, 2.5, true);
        for (int i = 0; i < choices.size(); i++) {
            Object given = choices.get(i) instanceof Long l ? Integer.valueOf(l.intValue()) : choices.get(i);
            store.startTrial("s", new Proposal(config(0.01, 5, given), Provenance.of("x", 0)), at(i));
        }
        assertThat(store.trials("s")).extracting(t -> t.params().get("criterion"))
                .containsExactlyElementsOf(choices);
    }

    @Test
    void aProposalOutsideTheSpaceIsRefusedAndNothingIsStored() {
        store.createStudy(definition("s"));
        var bad = new Proposal(config(5.0, 3, "gini"), Provenance.of("llm", 0));
        assertThatThrownBy(() -> store.startTrial("s", bad, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr");
        assertThat(store.trials("s")).isEmpty();
        assertThat(store.startTrial("s", proposal(0), T0).number()).isZero();
    }

    @Test
    void twoWritersAtOnceNeverGetTheSameTrialNumber() throws Exception {
        store.createStudy(definition("s"));
        StudyStore other = secondHandle();
        int perWriter = 40;
        try {
            List<Integer> numbers = new ArrayList<>();
            var writers = ConcurrentCalls.together(ConcurrentCalls.writer(store, perWriter),
                    ConcurrentCalls.writer(other, perWriter));
            for (List<Integer> mine : writers) {
                numbers.addAll(mine);
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 2 * perWriter).boxed().toList());
            assertThat(store.trials("s")).hasSize(2 * perWriter).allMatch(Trial::isComplete);
        } finally {
            if (other != store) {
                other.close();
            }
        }
    }

    @Test
    void snapshotsTakenWhileAnotherHandleWritesAreAlwaysConsistent() throws Exception {
        store.createStudy(definition("s"));
        StudyStore other = secondHandle();
        int rounds = 30;
        try {
            Callable<List<Integer>> reader = () -> {
                List<Integer> sizes = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    var snap = store.snapshot("s");
                    assertThat(snap.trials()).extracting(Trial::number)
                            .containsExactlyElementsOf(IntStream.range(0, snap.trials().size()).boxed().toList());
                    assertThat(snap.pending()).hasSizeLessThanOrEqualTo(1);
                    assertThat(snap.trials()).allMatch(t -> t.isPending() == (t.finishedAt() == null));
                    sizes.add(snap.trials().size());
                }
                return sizes;
            };
            List<List<Integer>> results = ConcurrentCalls.together(ConcurrentCalls.writer(other, rounds), reader);
            assertThat(results.get(1)).isSorted();
            assertThat(store.snapshot("s").trials()).hasSize(rounds);
        } finally {
            if (other != store) {
                other.close();
            }
        }
    }

    @Test
    void intermediateReportsAreAppendedInIncreasingStepsAndSurviveTheFinish() {
        store.createStudy(definition("s"));
        Trial t = store.startTrial("s", proposal(0), at(1));
        store.reportIntermediate("s", t.number(), new dev.tuneagent.core.prune.Report(1, 0.5));
        store.putTrialAttrs("s", t.number(), Map.of("slurm_job_id", "42"));
        Trial after = store.reportIntermediate("s", t.number(), new dev.tuneagent.core.prune.Report(3, 0.25));
        assertThat(dev.tuneagent.core.prune.Intermediate.of(after)).containsExactly(
                new dev.tuneagent.core.prune.Report(1, 0.5), new dev.tuneagent.core.prune.Report(3, 0.25));
        assertThatThrownBy(() -> store.reportIntermediate("s", t.number(), new dev.tuneagent.core.prune.Report(3, 0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps must increase");
        store.finishTrial("s", t.number(), TrialOutcome.pruned(0.25, "pruned at step 3"), at(2));
        Trial stored = store.trials("s").get(0);
        assertThat(stored.state()).isEqualTo(TrialState.PRUNED);
        assertThat(stored.value()).isEqualTo(0.25);
        assertThat(stored.attrs()).containsEntry("slurm_job_id", "42");
        assertThat(dev.tuneagent.core.prune.Intermediate.lastStep(stored)).isEqualTo(3);
        assertThatThrownBy(() -> store.reportIntermediate("s", 0, new dev.tuneagent.core.prune.Report(4, 0.1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.putTrialAttrs("s", 0, Map.of("x", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.putTrialAttrs("s", 7, Map.of("x", 1))).isInstanceOf(StoreException.class);
    }
}
