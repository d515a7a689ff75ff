package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.agent.task.JobCatalog;
import dev.tuneagent.agent.task.TaskLoader;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.store.StudyNotFoundException;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, reopening and running studies without a console: what the shell, evals and workers share. */
class StudyServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final JobCatalog NO_INPROCESS = new JobCatalog() {
        @Override
        public void validate(InProcessJobSpec job, String metric, SearchSpace space) {
        }

        @Override
        public SearchSpace defaultSpace(InProcessJobSpec job, String metric) {
            throw new AssertionError("command tasks declare their space");
        }
    };

    private final ProposerFactory proposers = new ProposerFactory()
            .register("seeded", t -> FakeJobs.seeded("seeded"))
            .register("sobol", t -> FakeJobs.seeded("sobol"))
            .register("broken", t -> {
                throw new ConfigException("llm.model", "no model configured");
            });
    private final StudyService service = new StudyService(proposers, new TaskLoader(proposers, NO_INPROCESS), CLOCK);
    private final InMemoryStudyStore store = new InMemoryStudyStore();
    @TempDir
    Path dir;

    private TaskSpec task(String name, String proposer) {
        return TaskSpec.builder(name, "loss", Direction.MINIMIZE,
                new CommandJobSpec(List.of("true"), Duration.ofMinutes(1), "loss", null))
                .space(FakeJobs.SPACE).trials(3).proposer(proposer).seed(7).baseDir(dir).build();
    }

    @Test
    void aCreatedStudyRunsToItsBudgetAndReopensWithTheSameTask() {
        PreparedStudy created = service.create(store, task("s", "seeded"));
        StudyDefinition def = store.findStudy("s").orElseThrow();
        assertThat(def.seed()).isEqualTo(7);
        assertThat(def.createdAt()).isEqualTo(CLOCK.instant());

        RunOutcome outcome = service.run(store, created, new FakeJobs.ScriptedLauncher(), dir, null);
        assertThat(outcome.finished()).isTrue();
        assertThat(outcome.last().trials()).hasSize(3).allMatch(t -> t.state() == TrialState.COMPLETE);

        PreparedStudy reopened = service.reopen(store, "s");
        // Stored paths are absolute, so only the (unused) base directory differs.
        assertThat(reopened.task().toBuilder().baseDir(dir).build()).isEqualTo(created.task());
        assertThat(reopened.proposer().name()).isEqualTo("seeded");
    }

    @Test
    void aTakenNameIsRefusedAndAProposerThatCannotBeBuiltLeavesNoStudy() {
        service.create(store, task("s", "seeded"));
        assertThatThrownBy(() -> service.create(store, task("s", "seeded"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("a study named \"s\" already exists");
        assertThatThrownBy(() -> service.create(store, task("t", "broken"))).hasMessageContaining("no model configured");
        assertThat(store.findStudy("t")).isEmpty();
    }

    @Test
    void reopeningAnUnknownOrCodeMadeStudySaysWhy() {
        assertThatThrownBy(() -> service.reopen(store, "nope")).isInstanceOf(StudyNotFoundException.class);
        store.createStudy(new StudyDefinition("code", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 0, 2, null,
                CLOCK.instant()));
        assertThatThrownBy(() -> service.reopen(store, "code")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("was not created from a task file");
    }
}
