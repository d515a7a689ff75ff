package dev.tuneagent.tools.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetProfileTest {
    final Datasets datasets = new Datasets();

    @Test
    void aClassificationProfileCountsTheClassesMostFrequentFirst() {
        DatasetProfile p = DatasetProfile.profile(datasets.load("wine", null));
        assertThat(p.rows()).isEqualTo(178);
        assertThat(p.kind()).isEqualTo(TaskKind.CLASSIFICATION);
        assertThat(p.targetName()).isEqualTo("cultivar");
        assertThat(p.classCounts()).containsExactly(java.util.Map.entry("class_1", 71),
                java.util.Map.entry("class_0", 59), java.util.Map.entry("class_2", 48));
        assertThat(p.targetMin()).isNaN();
        DatasetProfile.FeatureSummary alcohol = p.features().get(0);
        assertThat(alcohol.name()).isEqualTo("alcohol");
        assertThat(alcohol.type()).isEqualTo("real");
        assertThat(alcohol.min()).isEqualTo(11.03);
        assertThat(alcohol.max()).isEqualTo(14.83);
    }

    @Test
    void aRegressionProfileGivesTheTargetRangeAndFeatureTypes() {
        DatasetProfile p = DatasetProfile.profile(datasets.load("diabetes", null));
        assertThat(p.kind()).isEqualTo(TaskKind.REGRESSION);
        assertThat(p.classCounts()).isEmpty();
        assertThat(p.targetMin()).isEqualTo(25.0);
        assertThat(p.targetMax()).isEqualTo(346.0);
        assertThat(p.features()).filteredOn(f -> f.name().equals("sex")).singleElement()
                .extracting(DatasetProfile.FeatureSummary::type).isEqualTo("binary");
        assertThat(p.features()).filteredOn(f -> f.name().equals("age")).singleElement()
                .extracting(DatasetProfile.FeatureSummary::type).isEqualTo("integer");
    }

    @Test
    void aConstantColumnIsCalledConstant() {
        DatasetProfile p = DatasetProfile.profile(datasets.load("digits", null));
        assertThat(p.features().get(0).name()).isEqualTo("pixel_0_0");
        assertThat(p.features().get(0).type()).isEqualTo("constant");
    }
}
