package dev.tuneagent.tools.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

class UniformAveragingCombinerTest {

    @Test
    void theCombinedPredictionIsTheMeanNotTheLastMember() {
        RegressionFactory f = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("d", f), f);
        data.add(new ArrayExample<>(new Regressor("target", 1), new String[] {"x"}, new double[] {1}));
        ArrayExample<Regressor> example = new ArrayExample<>(new Regressor("target", 0), new String[] {"x"},
                new double[] {1});
        List<Prediction<Regressor>> members = new ArrayList<>();
        for (double v : new double[] {1, 2, 3, 10}) {
            members.add(new Prediction<>(new Regressor("target", v), 1, example));
        }
        Prediction<Regressor> p = new UniformAveragingCombiner().combine(data.getOutputIDInfo(), members);
        assertThat(p.getOutput().getValues()).containsExactly(4.0);
    }
}
