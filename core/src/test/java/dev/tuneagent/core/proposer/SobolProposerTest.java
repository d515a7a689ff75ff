package dev.tuneagent.core.proposer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.study.StudyDefinition;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SobolProposerTest extends ProposerContract {
    @Override
    protected Proposer proposer() {
        return new SobolProposer();
    }

    @Test
    void eachAskContinuesTheSequenceWhereTheStudyStoppedSoAResumeDoesNotRestartIt() {
        List<Proposal> allAtOnce = proposer().propose(snapshot(space(), List.of()), 6);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Proposal> next = proposer().propose(snapshot(space(), trials), 1);
            assertThat(next.get(0).params()).isEqualTo(allAtOnce.get(i).params());
            trials.add(trial(space(), i, next.get(0).params(), i % 2 == 0 ? TrialState.COMPLETE : TrialState.FAILED));
        }
    }

    @Test
    void theStudySeedChoosesTheScrambleAndNotTheSnapshotSize() {
        SearchSpace s = space();
        var a = new StudySnapshot(new StudyDefinition("a", s, Direction.MINIMIZE, "loss", 1, 10, "{}", T0), List.of());
        var b = new StudySnapshot(new StudyDefinition("b", s, Direction.MINIMIZE, "loss", 2, 10, "{}", T0), List.of());
        assertThat(proposer().propose(a, 1).get(0).params()).isNotEqualTo(proposer().propose(b, 1).get(0).params());
        assertThat(proposer().propose(a, 1).get(0).provenance().seed())
                .isEqualTo(proposer().propose(a, 1).get(0).provenance().seed());
    }

    @Test
    void theFirstPointIsNotTheCornerOfTheUnscrambledSequence() {
        var one = SearchSpace.of(new FloatParam("x", 0, 1, false), new FloatParam("y", 0, 1, false));
        var p = proposer().propose(snapshot(one, List.of()), 1).get(0).params();
        assertThat((Double) p.get("x")).isNotEqualTo(0.0);
        assertThat((Double) p.get("y")).isNotEqualTo(0.0);
    }

    @Test
    void theFirst64PointsPutOnePointInEachOf64IntervalsOfEveryCoordinate() {
        ScrambledSobol seq = new ScrambledSobol(8, 99);
        for (int d = 0; d < 8; d++) {
            boolean[] hit = new boolean[64];
            for (int i = 0; i < 64; i++) {
                double u = seq.point(i)[d];
                assertThat(u).isStrictlyBetween(0.0, 1.0);
                int cell = (int) (u * 64);
                assertThat(hit[cell]).as("dimension %d, cell %d hit twice", d, cell).isFalse();
                hit[cell] = true;
            }
        }
    }

    @Test
    void theFirst64PointsOfTheFirstTwoCoordinatesFillEveryCellOfAnEightByEightGrid() {
        ScrambledSobol seq = new ScrambledSobol(2, 7);
        boolean[][] hit = new boolean[8][8];
        for (int i = 0; i < 64; i++) {
            double[] u = seq.point(i);
            int a = (int) (u[0] * 8);
            int b = (int) (u[1] * 8);
            assertThat(hit[a][b]).as("cell %d,%d hit twice", a, b).isFalse();
            hit[a][b] = true;
        }
    }

    @Test
    void differentSeedsScrambleDifferently() {
        assertThat(new ScrambledSobol(3, 1).point(5)).isNotEqualTo(new ScrambledSobol(3, 2).point(5));
        assertThat(new ScrambledSobol(3, 1).point(5)).isEqualTo(new ScrambledSobol(3, 1).point(5));
    }
}
