package dev.tuneagent.core.proposer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** In a 30-point space, whatever has been used: exactly the unseen points are offered, never a repeat. */
class SamplingProposerPropertiesTest {
    static final SearchSpace SMALL = SearchSpace.of(new IntParam("k", 1, 10, false),
            new CategoricalParam("c", List.of("a", "b", "c")));

    @Property(tries = 200)
    void aBatchIsAsLargeAsTheUnseenPointsAllowAndRepeatsNothing(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 30) int used, @ForAll @IntRange(min = 0, max = 12) int n,
            @ForAll boolean sobol) {
        List<Trial> trials = new ArrayList<>();
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int i = 0; i < used; i++) {
            // a fixed stride through the 30 configurations, so every prefix is distinct
            int j = (int) Math.floorMod(i * 7L + seed, 30L);
            Map<String, Object> config = Map.of("k", (long) (j % 10) + 1, "c", List.of("a", "b", "c").get(j / 10));
            seen.add(config);
            trials.add(new Trial(i, config, i % 3 == 0 ? TrialState.RUNNING : TrialState.FAILED, null, Map.of(),
                    Provenance.of("test", i), Instant.EPOCH, i % 3 == 0 ? null : Instant.EPOCH, null));
        }
        var snapshot = new StudySnapshot(new StudyDefinition("p", SMALL, Direction.MINIMIZE, "loss", seed, 50, "{}",
                Instant.EPOCH), trials);
        Proposer proposer = sobol ? new SobolProposer() : new RandomProposer();

        List<Proposal> proposals = proposer.propose(snapshot, n);

        assertThat(proposals).hasSize(Math.min(n, 30 - seen.size()));
        for (Proposal p : proposals) {
            assertThat(SMALL.coerce(p.params())).isEqualTo(p.params());
            assertThat(seen.add(p.params())).as("repeated %s", p.params()).isTrue();
        }
    }
}
