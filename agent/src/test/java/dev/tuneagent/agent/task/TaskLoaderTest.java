package dev.tuneagent.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLoaderTest {
    static final SearchSpace DEFAULT = SearchSpace.of(new IntParam("k", 1, 30, false));

    /** Knows one model (knn), one data set (iris) and one metric (accuracy). */
    static final JobCatalog CATALOG = new JobCatalog() {
        @Override
        public void validate(InProcessJobSpec job, String metric, SearchSpace space) {
            if (!job.model().equals("knn")) {
                throw ConfigException.of("job.model", job.model(), "one of [knn]");
            }
            if (!job.dataset().equals("iris")) {
                throw ConfigException.of("job.dataset", job.dataset(), "one of [iris] or a CSV path");
            }
            if (!metric.equals("accuracy")) {
                throw ConfigException.of("objective.metric", metric, "one of [accuracy]");
            }
        }

        @Override
        public SearchSpace defaultSpace(InProcessJobSpec job, String metric) {
            return DEFAULT;
        }
    };

    private final ProposerFactory proposers = new ProposerFactory().register("sobol", t -> (Proposer) null)
            .register("gp", t -> (Proposer) null);
    private final TaskLoader loader = new TaskLoader(proposers, CATALOG);
    @TempDir
    Path dir;

    private Path task(String job, String extra) throws Exception {
        return Files.writeString(dir.resolve("t.yaml"), """
                name: t
                objective: {metric: accuracy, direction: maximize}
                job: %s
                budget: {trials: 5}
                %s
                """.formatted(job, extra));
    }

    @Test
    void anOmittedSpaceBecomesTheModelsDefault() throws Exception {
        TaskSpec t = loader.load(task("{type: inprocess, dataset: iris, model: knn}", ""));
        assertThat(t.space()).isEqualTo(DEFAULT);
        assertThat(t.proposer()).isEqualTo("gp");
    }

    @Test
    void unknownModelsDataSetsMetricsAndProposersListTheValidChoices() throws Exception {
        assertThatThrownBy(() -> loader.load(task("{type: inprocess, dataset: iris, model: resnet}", "")))
                .isInstanceOf(ConfigException.class).hasMessage("job.model: got \"resnet\", expected one of [knn]");
        assertThatThrownBy(() -> loader.load(task("{type: inprocess, dataset: mnist, model: knn}", "")))
                .hasMessage("job.dataset: got \"mnist\", expected one of [iris] or a CSV path");
        assertThatThrownBy(() -> loader.load(task("{type: inprocess, dataset: iris, model: knn}", "proposer: magic")))
                .hasMessage("proposer: got \"magic\", expected one of [sobol, gp]");
    }

    @Test
    void commandLineOverridesAreCheckedToo() throws Exception {
        TaskSpec t = loader.load(task("{type: inprocess, dataset: iris, model: knn}", ""));
        TaskSpec o = loader.override(t, "t2", 9, "SOBOL", 4L);
        assertThat(List.of(o.name(), o.trials(), o.proposer(), o.seed())).containsExactly("t2", 9, "sobol", 4L);
        assertThat(loader.override(t, null, null, null, null)).isEqualTo(t);
        assertThatThrownBy(() -> loader.override(t, null, 0, null, null)).hasMessage("--trials: got 0, expected an integer >= 1");
        assertThatThrownBy(() -> loader.override(t, null, null, "magic", null))
                .hasMessage("--proposer: got \"magic\", expected one of [sobol, gp]");
        assertThatThrownBy(() -> loader.override(t, "a b", null, null, null)).hasMessageStartingWith("--name: got \"a b\"");
    }
}
