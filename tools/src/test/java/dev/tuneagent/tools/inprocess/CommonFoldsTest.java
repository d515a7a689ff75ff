package dev.tuneagent.tools.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.job.JobRequest;
import dev.tuneagent.tools.job.JobResults;
import dev.tuneagent.tools.job.JobResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All trials of one study are scored on the same folds; the trial seed only drives model randomness. */
class CommonFoldsTest {
    @TempDir
    Path tmp;

    final InProcessJobLauncher launcher = new InProcessJobLauncher(new InProcessCatalog(new Datasets()), 1, Clock.systemUTC());
    final InProcessJobSpec spec = new InProcessJobSpec("wine", "decision-tree", 5, null);
    final Map<String, Object> params = Map.of("max_depth", 3);

    @AfterEach
    void close() {
        launcher.close();
    }

    double accuracy(int trial, long trialSeed, long splitSeed) throws Exception {
        JobResult r = JobResults.await(launcher.launch(
                new JobRequest("s", trial, params, spec, "accuracy", trialSeed, splitSeed, tmp)));
        return InProcessJobLauncherTest.metrics(r).get("accuracy");
    }

    @Test
    void twoTrialsOfOneStudyWithDifferentTrialSeedsGetIdenticalFolds() throws Exception {
        // decision-tree is deterministic, so any difference could only come from the folds
        assertThat(accuracy(0, 11, 77)).isEqualTo(accuracy(1, 999_999, 77));
    }

    @Test
    void differentStudySplitSeedsGiveDifferentFolds() throws Exception {
        double first = accuracy(0, 11, 77);
        boolean anyDiffers = false;
        for (long split = 78; split < 83 && !anyDiffers; split++) {
            anyDiffers = accuracy(0, 11, split) != first;
        }
        assertThat(anyDiffers).as("some other split seed changes the CV score").isTrue();
    }
}
