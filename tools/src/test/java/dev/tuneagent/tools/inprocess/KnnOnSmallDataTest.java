package dev.tuneagent.tools.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.space.SearchSpaceCodec;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResult;
import dev.tuneagent.tools.job.JobResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** knn asks for k neighbours among a training fold's rows; on small data k must not outgrow the fold. */
class KnnOnSmallDataTest {
    final InProcessCatalog catalog = new InProcessCatalog(new Datasets());
    @TempDir
    Path tmp;

    private Path csv(int rows) throws Exception {
        StringBuilder b = new StringBuilder("a,b,label\n");
        for (int i = 0; i < rows; i++) {
            b.append(i % 7).append(',').append((i * 3) % 11).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        return Files.writeString(tmp.resolve("small" + rows + ".csv"), b.toString());
    }

    @Test
    void trainingFoldsAreTheRowsLessTheLargestTestPart() {
        assertThat(TrainingRows.smallestTrainingFold(40, 3)).isEqualTo(26);
        assertThat(TrainingRows.smallestTrainingFold(30, 5)).isEqualTo(24);
        assertThat(TrainingRows.smallestTrainingFold(4, 2)).isEqualTo(2);
    }

    @Test
    void aUserRangeOfKBeyondTheTrainingFoldIsRefusedNamingTheFoldSize() throws Exception {
        InProcessJobSpec job = new InProcessJobSpec(csv(40).toString(), "knn", 3, "label");
        SearchSpace space = SearchSpaceCodec.fromJson("{\"k\": {\"type\": \"int\", \"low\": 30, \"high\": 50}}");
        assertThatThrownBy(() -> catalog.validate(job, "accuracy", space)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("space.k: reaches 50, but knn needs k <= the rows of a training fold: ")
                .hasMessageContaining("has 40 rows, so 3-fold cross-validation trains on 26 rows; lower k to at most 26");
    }

    @Test
    void theDefaultSpaceShrinksToTheTrainingFoldAndItsLargestKTrains() throws Exception {
        InProcessJobSpec job = new InProcessJobSpec(csv(30).toString(), "knn", 5, "label");
        catalog.validate(job, "accuracy", null);
        SearchSpace space = catalog.defaultSpace(job, "accuracy");
        IntParam k = (IntParam) space.param("k").orElseThrow();
        assertThat(k.high()).isEqualTo(24);
        assertThat(k.low()).isEqualTo(1);
        catalog.validate(job, "accuracy", space);

        try (InProcessJobLauncher launcher = new InProcessJobLauncher(catalog, 1, Clock.systemUTC())) {
            JobResult r = JobResults.await(launcher.launch(new JobRequest("s", 0, Map.of("k", 24L, "distance", "l2"),
                    job, "accuracy", 1, 1, tmp)));
            assertThat(r).as(String.valueOf(r)).isInstanceOf(JobResult.Succeeded.class);
        }
    }

    @Test
    void aLargeDataSetKeepsTheFullDefaultRange() {
        SearchSpace space = catalog.defaultSpace(new InProcessJobSpec("wine", "knn", 5, null), "accuracy");
        assertThat(((IntParam) space.param("k").orElseThrow()).high()).isEqualTo(50);
    }
}
