package dev.tuneagent.evals.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tuneagent.core.proposer.RandomProposer;
import dev.tuneagent.evals.functions.BenchmarkFunction;
import dev.tuneagent.evals.functions.BenchmarkFunctions;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BenchRunTest {

    @Property(tries = 20)
    void regretNeverIncreasesAndNeverDropsBelowTheFloor(@ForAll @LongRange(min = 0, max = 1000) long seed,
                                                        @ForAll @IntRange(min = 0, max = 6) int which) {
        BenchmarkFunction f = BenchmarkFunctions.all().get(which);
        double[] regret = BenchRun.run(f, new RandomProposer(), "u", seed, 30).regret();
        assertThat(regret).hasSize(30);
        for (int i = 0; i < regret.length; i++) {
            assertThat(regret[i]).isGreaterThanOrEqualTo(BenchRun.REGRET_FLOOR);
            if (i > 0) {
                assertThat(regret[i]).isLessThanOrEqualTo(regret[i - 1]);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCurveForADeterministicProposer() {
        RunResult a = BenchRun.run(BenchmarkFunctions.HARTMANN6, new RandomProposer(), "u", 3, 40);
        RunResult b = BenchRun.run(BenchmarkFunctions.HARTMANN6, new RandomProposer(), "u", 3, 40);
        RunResult c = BenchRun.run(BenchmarkFunctions.HARTMANN6, new RandomProposer(), "u", 4, 40);
        assertThat(a.regret()).containsExactly(b.regret());
        assertThat(a.regret()).isNotEqualTo(c.regret());
    }

    @Test
    void regretIsTheBestValueSoFarMinusTheMinimum() {
        BenchmarkFunction branin = BenchmarkFunctions.BRANIN;
        Map<String, Object> far = Map.of("x0", 0.0, "x1", 0.0);
        Map<String, Object> optimum = Map.of("x0", Math.PI, "x1", 2.275);
        Map<String, Object> middling = Map.of("x0", 3.0, "x1", 3.0);
        RunResult r = BenchRun.run(branin, new FixedSequenceProposer(List.of(far, middling, optimum, far)), "fixed",
                0, 4);
        double[] regret = r.regret();
        double f0 = branin.evaluate(new double[] {0, 0});
        double f1 = branin.evaluate(new double[] {3, 3});
        assertThat(regret[0]).isCloseTo(f0 - branin.minimum(), within(1e-12));
        assertThat(regret[1]).isCloseTo(Math.min(f0, f1) - branin.minimum(), within(1e-12));
        assertThat(regret[2]).isEqualTo(BenchRun.REGRET_FLOOR);
        assertThat(regret[3]).isEqualTo(BenchRun.REGRET_FLOOR);
        assertThat(r.function()).isEqualTo("branin");
        assertThat(r.sampler()).isEqualTo("fixed");
        assertThat(r.msPerTrial()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aProposalOutsideTheBoxStopsTheRunNamingProposerFunctionAndTrial() {
        Map<String, Object> outside = Map.of("x0", 11.0, "x1", 0.0);
        assertThatThrownBy(() -> BenchRun.run(BenchmarkFunctions.BRANIN, new FixedSequenceProposer(List.of(outside)),
                "fixed", 5, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fixed on branin (seed 5, trial 0)")
                .hasMessageContaining("outside");
    }

    @Test
    void eachProposalSeesEveryEarlierTrialInItsSnapshot() {
        List<Integer> seen = new java.util.ArrayList<>();
        RandomProposer inner = new RandomProposer();
        dev.tuneagent.core.proposer.Proposer spy = new dev.tuneagent.core.proposer.Proposer() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public List<dev.tuneagent.core.proposer.Proposal> propose(
                    dev.tuneagent.core.study.StudySnapshot snapshot, int n) {
                seen.add(snapshot.completed().size());
                assertThat(n).isEqualTo(1);
                return inner.propose(snapshot, n);
            }
        };
        BenchRun.run(BenchmarkFunctions.LEVY6, spy, "spy", 0, 5);
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    }
}
