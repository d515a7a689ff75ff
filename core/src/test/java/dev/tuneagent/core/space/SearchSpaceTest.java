package dev.tuneagent.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("lr", 1e-4, 1.0, true),
            new FloatParam("dropout", 0.0, 0.5, false),
            new IntParam("trees", 10, 300, true),
            new IntParam("depth", 1, 20, false),
            new CategoricalParam("criterion", List.of("gini", "entropy")),
            new OrdinalParam("batch", List.of(16L, 32L, 64L)));

    @Property
    void decodingAnyPointGivesAConfigurationInsideTheSpace(
            @ForAll @DoubleRange(min = -0.5, max = 1.5) double a, @ForAll @DoubleRange(min = 0, max = 1) double b,
            @ForAll @DoubleRange(min = 0, max = 1) double c, @ForAll @DoubleRange(min = 0, max = 1) double d,
            @ForAll @DoubleRange(min = 0, max = 1) double e, @ForAll @DoubleRange(min = 0, max = 1) double f) {
        Map<String, Object> config = SPACE.decode(new double[] {a, b, c, d, e, f});
        assertThat(SPACE.coerce(config)).isEqualTo(config);
        for (double u : SPACE.encode(config)) {
            assertThat(u).isBetween(0.0, 1.0);
        }
    }

    @Property
    void decodeOfEncodeIsTheIdentity(@ForAll @DoubleRange(min = 0, max = 1) double a,
            @ForAll @DoubleRange(min = 0, max = 1) double b, @ForAll @DoubleRange(min = 0, max = 1) double c,
            @ForAll @DoubleRange(min = 0, max = 1) double d, @ForAll @DoubleRange(min = 0, max = 1) double e,
            @ForAll @DoubleRange(min = 0, max = 1) double f) {
        Map<String, Object> config = SPACE.decode(new double[] {a, b, c, d, e, f});
        Map<String, Object> again = SPACE.decode(SPACE.encode(config));
        assertThat(again.get("trees")).isEqualTo(config.get("trees"));
        assertThat(again.get("depth")).isEqualTo(config.get("depth"));
        assertThat(again.get("criterion")).isEqualTo(config.get("criterion"));
        assertThat(again.get("batch")).isEqualTo(config.get("batch"));
        assertThat((Double) again.get("lr")).isCloseTo((Double) config.get("lr"), org.assertj.core.api.Assertions.within(1e-12));
        assertThat((Double) again.get("dropout")).isCloseTo((Double) config.get("dropout"), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void everyIntegerOfAnIntParamGetsAnEqualShareOfTheUnitInterval() {
        IntParam p = new IntParam("k", 1, 4, false);
        int[] counts = new int[5];
        for (int i = 0; i < 4000; i++) {
            counts[(int) (long) (Long) p.decode((i + 0.5) / 4000)]++;
        }
        assertThat(counts).containsExactly(0, 1000, 1000, 1000, 1000);
    }

    @Test
    void coerceListsEveryProblemOfAnUntrustedConfiguration() {
        assertThatThrownBy(() -> SPACE.coerce(Map.of("lr", 5.0, "depth", 2.5, "colour", "red")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("lr: 5.0 is outside [1.0E-4, 1.0]")
                .hasMessageContaining("depth: 2.5 is not an integer")
                .hasMessageContaining("missing parameter \"trees\"")
                .hasMessageContaining("unknown parameter \"colour\"");
    }

    @Test
    void coerceAcceptsNumbersWrittenAsTextAndIntegersAsReals() {
        Map<String, Object> config = SPACE.coerce(Map.of("lr", "0.01", "dropout", 0, "trees", 12.0, "depth", "3",
                "criterion", "gini", "batch", "32"));
        assertThat(config).containsEntry("lr", 0.01).containsEntry("dropout", 0.0).containsEntry("trees", 12L)
                .containsEntry("depth", 3L).containsEntry("batch", 32L);
    }

    @Test
    void codecRoundTripsTheTaskFileForm() {
        assertThat(SearchSpaceCodec.fromJson(SearchSpaceCodec.toJson(SPACE))).isEqualTo(SPACE);
    }
}
