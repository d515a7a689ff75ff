package dev.tuneagent.core.store;

import static dev.tuneagent.core.store.StudyStoreContract.at;
import static dev.tuneagent.core.store.StudyStoreContract.config;
import static dev.tuneagent.core.store.StudyStoreContract.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Part of {@link StudyStoreContract}: random histories of start / enqueue / claim / finish / failPending
 * with random attributes, applied to the store and to a list-of-trials model; after every step, and after
 * the store is reopened, the store holds exactly what the model says.
 */
public interface StoreHistoryProperty {

    /** A new, empty store with its files under {@code dir}. */
    StudyStore freshStoreIn(Path dir);

    sealed interface Op {
    }

    record Start(int config, Map<String, Object> attrs) implements Op {
    }

    record Enqueue(int config, Map<String, Object> attrs) implements Op {
    }

    record Claim() implements Op {
    }

    /** Finishes trial {@code pick % size} (any state: the store must refuse what is not RUNNING). */
    record Finish(int pick, TrialState state, double value) implements Op {
    }

    record FailPending() implements Op {
    }

    @Property(tries = 40)
    default void aRandomHistoryReadsBackExactlyAsAModelOfItSays(@ForAll("histories") List<Op> history)
            throws IOException {
        Path dir = Files.createTempDirectory("tune-history");
        try {
            List<Trial> model = new ArrayList<>();
            try (StudyStore store = freshStoreIn(dir)) {
                store.createStudy(definition("h"));
                for (int step = 0; step < history.size(); step++) {
                    apply(store, history.get(step), model, step);
                    assertThat(store.trials("h")).as("after step %d: %s", step, history.get(step)).isEqualTo(model);
                }
                assertThat(store.snapshot("h").trials()).isEqualTo(model);
                assertThat(store.listStudies().get(0).count(TrialState.WAITING))
                        .isEqualTo((int) model.stream().filter(t -> t.state() == TrialState.WAITING).count());
            }
            try (StudyStore reopened = freshStoreIn(dir)) {
                if (reopened.findStudy("h").isPresent()) { // a store that lives on disk: read it back
                    assertThat(reopened.trials("h")).isEqualTo(model);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void apply(StudyStore store, Op op, List<Trial> model, int step) {
        if (op instanceof Start s) {
            Proposal p = proposal(s.config(), s.attrs());
            Trial t = store.startTrial("h", p, at(step));
            model.add(new Trial(model.size(), t.params(), TrialState.RUNNING, null, Map.of(), p.provenance(), at(step),
                    null, null, s.attrs()));
        } else if (op instanceof Enqueue e) {
            Proposal p = proposal(e.config(), e.attrs());
            Trial t = store.enqueueTrial("h", p, at(step));
            model.add(new Trial(model.size(), t.params(), TrialState.WAITING, null, Map.of(), p.provenance(), null,
                    null, null, e.attrs()));
        } else if (op instanceof Claim) {
            Optional<Trial> claimed = store.claimWaitingTrial("h", at(step));
            Optional<Trial> oldest = model.stream().filter(t -> t.state() == TrialState.WAITING).findFirst();
            assertThat(claimed.map(Trial::number)).isEqualTo(oldest.map(Trial::number));
            oldest.ifPresent(t -> model.set(t.number(), new Trial(t.number(), t.params(), TrialState.RUNNING, null,
                    Map.of(), t.provenance(), at(step), null, null, t.attrs())));
        } else if (op instanceof Finish f) {
            if (model.isEmpty()) {
                return;
            }
            Trial t = model.get(f.pick() % model.size());
            TrialOutcome outcome = switch (f.state()) {
                case COMPLETE -> TrialOutcome.complete(f.value(), Map.of("v", f.value()));
                case PRUNED -> TrialOutcome.pruned("pruned at " + step);
                default -> TrialOutcome.failed("failed at " + step);
            };
            Throwable thrown = catchThrowable(() -> store.finishTrial("h", t.number(), outcome, at(step)));
            if (t.state() != TrialState.RUNNING) {
                assertThat(thrown).isInstanceOf(IllegalStateException.class);
                return;
            }
            assertThat(thrown).isNull();
            model.set(t.number(), new Trial(t.number(), t.params(), outcome.state(), outcome.value(), outcome.metrics(),
                    t.provenance(), t.startedAt(), at(step), outcome.message(), t.attrs()));
        } else {
            int changed = store.failPendingTrials("h", "interrupted", at(step));
            int expected = 0;
            for (Trial t : List.copyOf(model)) {
                if (t.state() == TrialState.RUNNING) {
                    expected++;
                    model.set(t.number(), new Trial(t.number(), t.params(), TrialState.FAILED, null, Map.of(),
                            t.provenance(), t.startedAt(), at(step), "interrupted", t.attrs()));
                }
            }
            assertThat(changed).isEqualTo(expected);
        }
    }

    private static Proposal proposal(int config, Map<String, Object> attrs) {
        List<Object> choices = List.of("gini", "entropy", 3L, 2.5, true);
        return new Proposal(config(1e-4 * (config + 1), config + 1L, choices.get(config % choices.size())),
                Provenance.of("p" + config, config), attrs);
    }

    @Provide
    default Arbitrary<List<Op>> histories() {
        Arbitrary<Map<String, Object>> attrs = attrs();
        Arbitrary<Integer> configs = Arbitraries.integers().between(0, 999);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Combinators.combine(configs, attrs).as(Start::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(configs, attrs).as(Enqueue::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Claim())),
                net.jqwik.api.Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(TrialState.COMPLETE, TrialState.FAILED, TrialState.PRUNED),
                        Arbitraries.doubles().between(-1e6, 1e6)).as(Finish::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new FailPending())));
        return op.list().ofMaxSize(25);
    }

    /** JSON-shaped attributes whose values come back from JSON with the same Java types. */
    private static Arbitrary<Map<String, Object>> attrs() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(x -> (Object) x),
                Arbitraries.integers().between(-1000, 1000).map(x -> (Object) x),
                Arbitraries.of(true, false).map(x -> (Object) x),
                Arbitraries.of(0.5, -2.25, 1e-3, 123.456).map(x -> (Object) x));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(x -> (Object) x),
                Arbitraries.maps(Arbitraries.of("a", "b", "c"), scalar).ofMaxSize(2).map(x -> (Object) x));
        return Arbitraries.maps(Arbitraries.of("source", "rerun_of", "acquisition", "candidates", "x"), value)
                .ofMaxSize(3);
    }
}
