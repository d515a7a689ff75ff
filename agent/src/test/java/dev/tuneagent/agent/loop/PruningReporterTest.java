package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.prune.Intermediate;
import dev.tuneagent.core.prune.MedianPruner;
import dev.tuneagent.core.prune.Report;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PruningReporterTest {
    final InMemoryStudyStore store = new InMemoryStudyStore();

    void completed(double... curve) {
        Trial t = store.startTrial("s", new Proposal(Map.of("x", 0.5), Provenance.of("random", 0)), Instant.EPOCH);
        for (int i = 0; i < curve.length; i++) {
            store.reportIntermediate("s", t.number(), new Report(i + 1, curve[i]));
        }
        store.finishTrial("s", t.number(), TrialOutcome.complete(curve[curve.length - 1], Map.of()), Instant.EPOCH);
    }

    @Test
    void reports_are_stored_and_a_prune_decision_is_kept_with_the_trial() {
        store.createStudy(new StudyDefinition("s", SearchSpace.of(new FloatParam("x", 0, 1, false)),
                Direction.MINIMIZE, "loss", 0, 10, "{}", Instant.EPOCH));
        completed(1.0, 0.8);
        completed(2.0, 1.8);
        completed(3.0, 2.8); // median at step 1: 2.0, at step 2: 1.8
        Trial running = store.startTrial("s", new Proposal(Map.of("x", 0.1), Provenance.of("gp", 3)), Instant.EPOCH);
        var reporter = new PruningReporter(store, "s", running.number(), new MedianPruner(2, 0, 1, 1));

        assertThat(reporter.report(1, 1.9)).isFalse();          // 1.9 <= median 2.0 at step 1
        assertThat(reporter.report(1, 1.0)).isFalse();          // the step did not increase: skipped, noted
        assertThat(reporter.report(2, 1.85)).isTrue();          // best so far 1.85 > median 1.8 at step 2
        Trial t = store.trials("s").get(3);
        assertThat(Intermediate.of(t)).containsExactly(new Report(1, 1.9), new Report(2, 1.85));
        assertThat(t.attrs().get(PruningReporter.PROBLEMS)).asList().singleElement().asString()
                .contains("steps must increase");
        @SuppressWarnings("unchecked")
        Map<String, Object> pruned = (Map<String, Object>) t.attrs().get(Intermediate.PRUNED);
        assertThat(pruned).containsEntry("rule", "median").containsEntry("step", 2);
        assertThat(reporter.decision().prune()).isTrue();
    }

    @Test
    void a_store_that_cannot_take_a_report_loses_that_report_but_never_the_trial() {
        store.createStudy(new StudyDefinition("s", SearchSpace.of(new FloatParam("x", 0, 1, false)),
                Direction.MINIMIZE, "loss", 0, 10, "{}", Instant.EPOCH));
        Trial running = store.startTrial("s", new Proposal(Map.of("x", 0.1), Provenance.of("gp", 0)), Instant.EPOCH);
        dev.tuneagent.core.store.StudyStore locked = (dev.tuneagent.core.store.StudyStore) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {dev.tuneagent.core.store.StudyStore.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("reportIntermediate")) {
                                throw new dev.tuneagent.core.store.StoreException("database is locked");
                            }
                            try {
                                return method.invoke(store, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        var reporter = new PruningReporter(locked, "s", running.number(), new MedianPruner(0, 0, 1, 1));
        assertThat(reporter.report(1, 0.5)).isFalse();
        assertThat(store.trials("s").get(0).state()).isEqualTo(dev.tuneagent.core.study.TrialState.RUNNING);
        assertThat(store.trials("s").get(0).attrs().get(PruningReporter.PROBLEMS)).asList().singleElement().asString()
                .contains("not stored").contains("database is locked");
    }
}
