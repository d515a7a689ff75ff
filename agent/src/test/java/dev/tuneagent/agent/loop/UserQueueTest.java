package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StoreException;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.LlmSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's configurations: validated, refused without room, enqueued in order with source=enqueue. */
class UserQueueTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryStudyStore store = new InMemoryStudyStore();
    @TempDir
    Path dir;

    private void create(int budget) {
        store.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 7, budget, "{}", T));
    }

    private static TaskSpec task(int trials, List<Map<String, Object>> enqueue) {
        return TaskSpec.builder("s", "loss", Direction.MINIMIZE, new CommandJobSpec(List.of("true"), Duration.ofSeconds(1),
                "loss", null)).space(FakeJobs.SPACE).trials(trials).baseDir(Path.of("/")).enqueue(enqueue).build();
    }

    private static Map<String, Object> x(Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", v);
        return m;
    }

    @Test
    void aTaskListIsEnqueuedInTheOrderWrittenAsTheUsersConfigurations() {
        create(5);
        List<Trial> queued = UserQueue.enqueueTaskList(store, task(5, List.of(x(1), x(-2.5))), T);
        assertThat(queued).extracting(Trial::number).containsExactly(0, 1);
        assertThat(store.trials("s")).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.WAITING);
            assertThat(t.attrs()).isEqualTo(Map.of("source", "enqueue"));
            assertThat(t.provenance()).isEqualTo(Provenance.of("enqueue", 0));
        }).extracting(t -> t.params().get("x")).containsExactly(1.0, -2.5);
    }

    @Test
    void aTaskListLongerThanTheBudgetIsRefusedBeforeAnyStudyExists() {
        assertThatThrownBy(() -> UserQueue.checkFits(task(1, List.of(x(1), x(2))))).isInstanceOf(ConfigException.class)
                .hasMessage("enqueue: 2 configurations do not fit in a budget of 1 trials; raise budget.trials (or "
                        + "--trials) or enqueue fewer");
    }

    @Test
    void oneConfigurationIsValidatedWithThePathTheUserTyped() {
        create(3);
        assertThatThrownBy(() -> UserQueue.enqueue(store, "s", x(7), "--params", T)).isInstanceOf(ConfigException.class)
                .hasMessage("--params.x: got 7, expected float [-5.0, 5.0]");
        assertThatThrownBy(() -> UserQueue.enqueue(store, "s", Map.of(), "--params", T))
                .hasMessageStartingWith("--params.x: missing");
        assertThatThrownBy(() -> UserQueue.enqueue(store, "nope", x(1), "--params", T)).isInstanceOf(StoreException.class)
                .hasMessageContaining("no study named \"nope\"");
        assertThat(store.trials("s")).isEmpty();
        assertThat(UserQueue.enqueue(store, "s", x(1), "--params", T).number()).isZero();
    }

    @Test
    void aStudyWhoseBudgetIsSpokenForRefusesAndSaysWhatTakesIt() {
        create(3);
        Trial done = store.startTrial("s", new Proposal(x(0.0), Provenance.of("gp", 1)), T);
        store.finishTrial("s", done.number(), TrialOutcome.complete(1.0, Map.of()), T);
        store.startTrial("s", new Proposal(x(0.5), Provenance.of("gp", 2)), T);
        UserQueue.enqueue(store, "s", x(1), "--params", T);

        assertThatThrownBy(() -> UserQueue.enqueue(store, "s", x(2), "--params", T)).isInstanceOf(ConfigException.class)
                .hasMessage("study \"s\" has no room left: its budget of 3 trials is taken by 3 trials (1 finished, "
                        + "1 running, 1 waiting); start a new study with a larger budget.trials to evaluate more "
                        + "configurations");
        assertThat(store.trials("s")).hasSize(3);
    }

    @Test
    void theLoaderChecksTheListAgainstAModelsDefaultSpace() throws Exception {
        SearchSpace kSpace = SearchSpace.of(new IntParam("k", 1, 30, false));
        TaskLoader loader = new TaskLoader(new ProposerFactory().register("gp", t -> (Proposer) null),
                new dev.tuneagent.agent.task.JobCatalog() {
                    @Override
                    public void validate(InProcessJobSpec job, String metric, SearchSpace space) {
                    }

                    @Override
                    public SearchSpace defaultSpace(InProcessJobSpec job, String metric) {
                        return kSpace;
                    }
                });
        Path file = Files.writeString(dir.resolve("k.yaml"), """
                name: k
                objective: {metric: accuracy, direction: maximize}
                job: {type: inprocess, dataset: iris, model: knn}
                budget: {trials: 3}
                enqueue: [{k: 5}, {k: 99}]
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage("enqueue[1].k: got 99, expected int [1, 30]");
        Files.writeString(file, Files.readString(file).replace("99", "7"));
        TaskSpec ok = loader.override(loader.load(file), "k2", 4, null, null);
        assertThat(ok.enqueue()).containsExactly(Map.of("k", 5), Map.of("k", 7));
    }
}
