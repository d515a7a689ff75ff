package dev.tuneagent.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.loop.FakeJobs.ScriptedLauncher;
import dev.tuneagent.core.store.InMemoryStudyStore;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A proposal's attributes (here the GP's acquisition, for {@code explain}) are stored with its trial. */
class ProposalAttrsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theGpsAcquisitionReachesTheStoredTrials() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        store.createStudy(new StudyDefinition("s", FakeJobs.SPACE, Direction.MINIMIZE, "loss", 3, 8, "{}",
                CLOCK.instant()));
        new Optimizer(store, new ScriptedLauncher(), CLOCK, null).run(new StudyRun("s",
                new CommandJobSpec(List.of("true"), Duration.ofSeconds(5), "loss", null), new GpProposer(), dir));
        List<Trial> trials = store.trials("s");
        // 1-D: five Sobol design points without an acquisition, then three modelled ones with it.
        assertThat(trials.subList(0, 5)).allSatisfy(t -> assertThat(t.attrs()).doesNotContainKey(TrialAttrs.ACQUISITION));
        assertThat(trials.subList(5, 8)).allSatisfy(t -> {
            assertThat(t.attrs().get(TrialAttrs.ACQUISITION)).isInstanceOf(Map.class);
            Map<?, ?> acquisition = (Map<?, ?>) t.attrs().get(TrialAttrs.ACQUISITION);
            assertThat(acquisition.get("name")).isEqualTo("logei");
            assertThat(acquisition.get("value")).isInstanceOf(Double.class);
        });
    }
}
