package dev.tuneagent.core.proposer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Proposer} promises. A proposer's test extends this class and implements
 * {@link #proposer()}; the protected hooks let it choose the space, the seed, the batch size and
 * whether it can enumerate the last configurations of a small discrete space. Shipped in the core
 * test-jar for the GP and LLM proposers.
 */
public abstract class ProposerContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A new proposer; called more than once per test to check that two instances agree. */
    protected abstract Proposer proposer();

    /** The space most checks run on: every parameter kind, log scales included. */
    protected SearchSpace space() {
        return SearchSpace.of(new FloatParam("lr", 1e-5, 1.0, true), new FloatParam("momentum", 0.0, 0.99, false),
                new IntParam("layers", 1, 8, false), new IntParam("width", 16, 1024, true),
                new CategoricalParam("activation", List.of("relu", "tanh", "gelu")),
                new OrdinalParam("batch", List.of(16L, 32L, 64L, 128L)));
    }

    /** Six configurations in all, for the checks about (nearly) exhausted spaces. */
    protected SearchSpace smallDiscreteSpace() {
        return SearchSpace.of(new CategoricalParam("kernel", List.of("rbf", "linear")),
                new OrdinalParam("degree", List.of(1L, 2L, 3L)));
    }

    /**
     * Whether the proposer finds the last unseen configurations of {@link #smallDiscreteSpace()} (and
     * returns nothing once all are used). Proposers that cannot guarantee it still must never repeat one.
     */
    protected boolean findsTheLastConfigurationsOfASmallSpace() {
        return true;
    }

    protected long studySeed() {
        return 20260101L;
    }

    protected int batchSize() {
        return 4;
    }

    protected Direction direction() {
        return Direction.MINIMIZE;
    }

    protected StudySnapshot snapshot(SearchSpace space, List<Trial> trials) {
        return new StudySnapshot(new StudyDefinition("contract", space, direction(), "loss", studySeed(), 50, "{}", T0),
                trials);
    }

    /** A smooth objective of the encoded point, so model-based proposers have something to learn. */
    protected double objective(SearchSpace space, Map<String, Object> config) {
        double s = 0;
        for (double u : space.encode(config)) {
            s += (u - 0.3) * (u - 0.3);
        }
        return s;
    }

    /** {@code count} trials at pseudo-random points (fixed seed) in {@code state}, numbered from {@code first}. */
    protected List<Trial> trials(SearchSpace space, int first, int count, TrialState state) {
        RandomGenerator rng = Seeds.rng(studySeed(), first, count);
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] u = new double[space.dimension()];
            for (int d = 0; d < u.length; d++) {
                u[d] = rng.nextDouble();
            }
            out.add(trial(space, first + i, space.decode(u), state));
        }
        return out;
    }

    protected Trial trial(SearchSpace space, int number, Map<String, Object> params, TrialState state) {
        Double value = state == TrialState.COMPLETE ? objective(space, params) : null;
        Instant end = state.isFinished() ? T0.plusSeconds(number + 1) : null;
        String message = state == TrialState.FAILED ? "job failed" : null;
        return new Trial(number, params, state, value, Map.of(), Provenance.of("test", number), T0.plusSeconds(number),
                end, message);
    }

    private List<Trial> history() {
        List<Trial> h = new ArrayList<>(trials(space(), 0, 6, TrialState.COMPLETE));
        h.addAll(trials(space(), 6, 2, TrialState.FAILED));
        return h;
    }

    private static List<Map<String, Object>> params(List<Proposal> proposals) {
        return proposals.stream().map(Proposal::params).toList();
    }

    private void assertValid(SearchSpace space, List<Proposal> proposals) {
        for (Proposal p : proposals) {
            assertThat(p.params().keySet()).containsExactlyInAnyOrderElementsOf(space.names());
            Map<String, Object> canonical = space.coerce(p.params());
            assertThat(p.params()).isEqualTo(canonical);
            canonical.forEach((k, v) -> assertThat(p.params().get(k)).hasSameClassAs(v));
        }
    }

    private void assertDistinctFromEachOtherAndFrom(SearchSpace space, List<Proposal> proposals, List<Trial> trials) {
        for (int i = 0; i < proposals.size(); i++) {
            for (int j = i + 1; j < proposals.size(); j++) {
                assertThat(space.sameConfig(proposals.get(i).params(), proposals.get(j).params()))
                        .as("proposals %d and %d are the same configuration", i, j).isFalse();
            }
            for (Trial t : trials) {
                assertThat(space.sameConfig(proposals.get(i).params(), t.params()))
                        .as("proposal %d repeats trial %d (%s)", i, t.number(), t.state()).isFalse();
            }
        }
    }

    @Test
    void proposalsAreInsideTheSpaceInCanonicalForm() {
        List<Proposal> proposals = proposer().propose(snapshot(space(), history()), batchSize());
        assertThat(proposals).hasSize(batchSize());
        assertValid(space(), proposals);
    }

    @Test
    void theSameSnapshotGivesTheSameProposals() {
        StudySnapshot s = snapshot(space(), history());
        List<Proposal> first = proposer().propose(s, batchSize());
        assertThat(proposer().propose(s, batchSize())).isEqualTo(first);
    }

    @Test
    void aBatchHoldsDistinctConfigurationsThatNoTrialHasUsed() {
        List<Trial> trials = history();
        List<Proposal> proposals = proposer().propose(snapshot(space(), trials), 2 * batchSize());
        assertThat(proposals).hasSize(2 * batchSize());
        assertDistinctFromEachOtherAndFrom(space(), proposals, trials);
    }

    @Test
    void pendingTrialsAreNotProposedAgain() {
        List<Trial> trials = new ArrayList<>(history());
        List<Proposal> earlier = proposer().propose(snapshot(space(), trials), batchSize());
        for (Proposal p : earlier) {
            trials.add(trial(space(), trials.size(), p.params(), TrialState.RUNNING));
        }
        List<Proposal> next = proposer().propose(snapshot(space(), trials), batchSize());
        assertValid(space(), next);
        assertDistinctFromEachOtherAndFrom(space(), next, trials);
    }

    @Test
    void inANearlyExhaustedSpaceOnlyUnseenConfigurationsAreProposed() {
        SearchSpace small = smallDiscreteSpace();
        List<Trial> used = List.of(
                trial(small, 0, Map.of("kernel", "rbf", "degree", 1L), TrialState.COMPLETE),
                trial(small, 1, Map.of("kernel", "rbf", "degree", 2L), TrialState.FAILED),
                trial(small, 2, Map.of("kernel", "linear", "degree", 3L), TrialState.RUNNING),
                trial(small, 3, Map.of("kernel", "rbf", "degree", 3L), TrialState.COMPLETE));
        List<Proposal> proposals = proposer().propose(snapshot(small, used), 5);
        assertValid(small, proposals);
        assertDistinctFromEachOtherAndFrom(small, proposals, used);
        if (findsTheLastConfigurationsOfASmallSpace()) {
            assertThat(params(proposals)).containsExactlyInAnyOrder(Map.of("kernel", "linear", "degree", 1L),
                    Map.of("kernel", "linear", "degree", 2L));
        }
    }

    @Test
    void anExhaustedSpaceGivesNoProposalsRatherThanRepeats() {
        SearchSpace small = smallDiscreteSpace();
        List<Trial> all = new ArrayList<>();
        for (Object kernel : List.of("rbf", "linear")) {
            for (long degree = 1; degree <= 3; degree++) {
                all.add(trial(small, all.size(), Map.of("kernel", kernel, "degree", degree), TrialState.COMPLETE));
            }
        }
        List<Proposal> proposals = proposer().propose(snapshot(small, all), 3);
        assertDistinctFromEachOtherAndFrom(small, proposals, all);
        if (findsTheLastConfigurationsOfASmallSpace()) {
            assertThat(proposals).isEmpty();
        }
    }

    @Test
    void anEmptyHistoryGivesAFullBatch() {
        List<Proposal> proposals = proposer().propose(snapshot(space(), List.of()), batchSize());
        assertThat(proposals).hasSize(batchSize());
        assertValid(space(), proposals);
    }

    @Test
    void aHistoryOfOnlyFailedTrialsGivesAFullBatch() {
        List<Trial> failed = trials(space(), 0, 5, TrialState.FAILED);
        List<Proposal> proposals = proposer().propose(snapshot(space(), failed), batchSize());
        assertThat(proposals).hasSize(batchSize());
        assertValid(space(), proposals);
        assertDistinctFromEachOtherAndFrom(space(), proposals, failed);
    }

    @Test
    void aSingleCompletedTrialGivesAFullBatch() {
        List<Trial> one = trials(space(), 0, 1, TrialState.COMPLETE);
        List<Proposal> proposals = proposer().propose(snapshot(space(), one), batchSize());
        assertThat(proposals).hasSize(batchSize());
        assertValid(space(), proposals);
        assertDistinctFromEachOtherAndFrom(space(), proposals, one);
    }

    @Test
    void askingForNothingGivesNothing() {
        assertThat(proposer().propose(snapshot(space(), history()), 0)).isEmpty();
    }

    @Test
    void everyProposalNamesTheProposerInItsProvenance() {
        Proposer p = proposer();
        assertThat(p.propose(snapshot(space(), history()), batchSize()))
                .allSatisfy(x -> assertThat(x.provenance().proposer()).isEqualTo(p.name()));
    }
}
