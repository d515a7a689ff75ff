package dev.tuneagent.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.proposers.ProposerFactory;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.core.task.GpSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task file's {@code gp:} section survives loading and CLI overrides and reaches the {@code gp} proposer. */
class GpSectionTaskTest {
    @TempDir
    Path dir;

    private TaskSpec load(String gpSection) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                name: t
                objective: {metric: accuracy, direction: maximize}
                job: {type: inprocess, dataset: iris, model: knn}
                budget: {trials: 5}
                %s
                """.formatted(gpSection));
        return new TaskLoader(ProposerFactory.classical(), TaskLoaderTest.CATALOG).load(file);
    }

    @Test
    void loadingAndOverridingKeepTheGpSection() throws Exception {
        TaskSpec t = load("gp: {acquisition: ucb, beta: 1.5}");
        assertThat(t.gp()).isEqualTo(GpSpec.ucb(1.5));
        TaskLoader loader = new TaskLoader(ProposerFactory.classical(), TaskLoaderTest.CATALOG);
        assertThat(loader.override(t, "t2", 9, "gp", 4L).gp()).isEqualTo(GpSpec.ucb(1.5));
    }

    @Test
    void theGpProposerOfATaskMaximizesTheAcquisitionItNames() throws Exception {
        TaskSpec t = load("gp: {acquisition: pi}");
        Proposer gp = ProposerFactory.classical().create("gp", t);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trials.add(new Trial(i, Map.of("k", (long) (1 + 5 * i)), TrialState.COMPLETE, 0.5 + 0.01 * i * i, Map.of(),
                    Provenance.of("test", 0), Instant.EPOCH, Instant.EPOCH, null));
        }
        StudySnapshot s = new StudySnapshot(new StudyDefinition("t", t.space(), Direction.MAXIMIZE, "accuracy", 0, 10,
                "{}", Instant.EPOCH), trials);
        Proposal p = gp.propose(s, 1).get(0);
        assertThat(((Map<?, ?>) p.attrs().get(TrialAttrs.ACQUISITION)).get("name")).isEqualTo("pi");
    }
}
