package dev.tuneagent.tools.inprocess;

import dev.tuneagent.tools.data.Dataset;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Builds Tribuo data sets from rows of our tables. */
final class TribuoData {
    /** The one regression output dimension (the user's target name is kept out of Tribuo's internals). */
    static final String DIMENSION = "target";
    // A fixed timestamp: provenance must not make two identical evaluations differ.
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private TribuoData() {
    }

    static MutableDataset<Label> classification(Dataset d, int[] rows, Scaler x) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> out = empty(d, factory);
        String[] names = d.featureNames().toArray(String[]::new);
        for (int r : rows) {
            out.add(new ArrayExample<>(new Label(d.labels().get(r)), names, x.apply(d.features()[r])));
        }
        return out;
    }

    static MutableDataset<Regressor> regression(Dataset d, int[] rows, Scaler x, Scaler.Column y) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> out = empty(d, factory);
        String[] names = d.featureNames().toArray(String[]::new);
        for (int r : rows) {
            out.add(new ArrayExample<>(new Regressor(DIMENSION, y.apply(d.numbers()[r])), names,
                    x.apply(d.features()[r])));
        }
        return out;
    }

    private static <T extends Output<T>> MutableDataset<T> empty(Dataset d, OutputFactory<T> factory) {
        return new MutableDataset<>(new SimpleDataSourceProvenance(d.name(), EPOCH, factory), factory);
    }
}
