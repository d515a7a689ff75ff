package dev.tuneagent.surrogate.proposer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.task.GpSpec;
import dev.tuneagent.surrogate.acquisition.Acquisition;
import dev.tuneagent.surrogate.gp.GpHyperparameters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the GP maximizes (the task's {@code gp:} section), what it records, and how it fails. */
class GpProposerAcquisitionTest {

    /** 12 random points of a bowl centred at (0.3, 0.7), past the 5-point design. */
    private static StudySnapshot bowl() {
        Histories h = new Histories(Histories.SQUARE, Direction.MINIMIZE, 21);
        SplittableRandom rng = new SplittableRandom(21);
        for (int i = 0; i < 12; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            h.complete(Map.of("a", a, "b", b), (a - 0.3) * (a - 0.3) + (b - 0.7) * (b - 0.7));
        }
        return h.snapshot();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> acquisition(Proposal p) {
        return (Map<String, Object>) p.attrs().get(TrialAttrs.ACQUISITION);
    }

    @Test
    void modelledProposalsRecordTheAcquisitionAndItsValueUnderTheSharedFit() {
        StudySnapshot s = bowl();
        GpProposer gp = new GpProposer();
        Proposal p = gp.propose(s, 1).get(0);
        assertThat(acquisition(p)).containsOnlyKeys("name", "value").containsEntry("name", "logei");
        // The value is what the scorer of the hybrid proposer would say about the same configuration.
        FittedGp fitted = gp.surrogate().fit(s);
        double scored = fitted.score(List.of(p.params()), Acquisition.logEi(fitted.incumbent()))[0];
        assertThat((Double) acquisition(p).get("value")).isCloseTo(scored, within(1e-9));
    }

    @Test
    void everyProposalOfABatchCarriesItsOwnAcquisitionValue() {
        List<Proposal> batch = new GpProposer().propose(bowl(), 3);
        assertThat(batch).hasSize(3).allSatisfy(p -> assertThat(acquisition(p).get("value")).isInstanceOf(Double.class));
    }

    @Test
    void ucbWithoutExplorationProposesWhereTheModelsMeanIsLowest() {
        StudySnapshot s = bowl();
        GpProposer greedy = new GpProposer(GpProposerSettings.of(GpSpec.ucb(0)));
        Proposal p = greedy.propose(s, 1).get(0);
        assertThat(acquisition(p)).containsEntry("name", "ucb");
        FittedGp fitted = greedy.surrogate().fit(s);
        double chosen = fitted.posterior(p.params()).mean();
        for (var t : s.trials()) {
            assertThat(chosen).isLessThanOrEqualTo(fitted.posterior(t.params()).mean() + 1e-9);
        }
        assertThat((Double) acquisition(p).get("value")).isCloseTo(-chosen, within(1e-9));
    }

    @Test
    void ucbWithAHugeBetaExploresWhereTheModelKnowsLeast() {
        StudySnapshot s = bowl();
        GpProposer explorer = new GpProposer(GpProposerSettings.of(GpSpec.ucb(1e6)));
        GpProposer logEi = new GpProposer();
        FittedGp fitted = logEi.surrogate().fit(s);
        double exploring = fitted.posterior(explorer.propose(s, 1).get(0).params()).variance();
        double improving = fitted.posterior(logEi.propose(s, 1).get(0).params()).variance();
        assertThat(exploring).isGreaterThan(improving);
    }

    @Test
    void piIsRecordedAsAProbability() {
        Proposal p = new GpProposer(GpProposerSettings.of(new GpSpec("pi", null))).propose(bowl(), 1).get(0);
        assertThat(acquisition(p)).containsEntry("name", "pi");
        assertThat((Double) acquisition(p).get("value")).isBetween(0.0, 1.0);
    }

    @Test
    void aNumericFailureIsAClearExceptionNotSilentSobolPoints() {
        // Hyperparameters whose covariance overflows: no jitter makes it factor. The proposer used to answer
        // with Sobol points and a note; now the fallback chain of the caller decides (and says why).
        int p = 2;
        GpProposer broken = new GpProposer(GpProposerSettings.defaults().withFitter((x, y, priors, rng) -> {
            double[] ls = new double[p];
            Arrays.fill(ls, 0.3);
            return new GpHyperparameters(ls, Double.MAX_VALUE, Double.MAX_VALUE, 0);
        }));
        assertThatThrownBy(() -> broken.propose(bowl(), 1)).isInstanceOf(GpModelException.class)
                .hasMessageStartingWith("the GP could not model this history of 12 trials (IllegalStateException: ")
                .hasMessageContaining("not positive definite")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSurrogateRefusesToFitWithoutTwoCompletedTrials() {
        StudySnapshot one = new Histories(Histories.SQUARE, Direction.MINIMIZE, 1)
                .complete(Map.of("a", 0.5, "b", 0.5), 1.0).snapshot();
        assertThatThrownBy(() -> new GpSurrogate().fit(one)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 2 completed trials, got 1");
    }
}
