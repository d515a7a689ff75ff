package dev.tuneagent.surrogate.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.SearchSpace;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class FeatureMapTest {
    private final SearchSpace space = SearchSpace.of(new FloatParam("lr", 1e-4, 1, true), new IntParam("k", 1, 4, false),
            new CategoricalParam("act", List.of("relu", "tanh", "gelu")), new OrdinalParam("b", List.of(16L, 32L)));
    private final FeatureMap map = new FeatureMap(space);

    @Test
    void aCategoricalBecomesAOneHotBlock() {
        assertThat(map.featureCount()).isEqualTo(1 + 1 + 3 + 1);
        double[] f = map.features(new double[] {0.25, 0.5, 0.5, 0.9});
        assertThat(f).containsExactly(0.25, 0.5, 0, 1, 0, 0.9);
        assertThat(map.continuous(2)).isFalse();
        assertThat(map.column(3)).isEqualTo(5);
    }

    @Test
    void roundingSnapsDiscreteCoordinatesToTheCentreOfTheirCell() {
        double[] r = map.round(new double[] {0.123456, 0.3, 0.1, 0.6});
        assertThat(r[0]).isEqualTo(0.123456);
        assertThat(r[1]).isEqualTo(space.params().get(1).encode(2L));
        assertThat(r[2]).isEqualTo(1.0 / 6);
        assertThat(r[3]).isEqualTo(0.75);
    }

    @Property
    void roundedPointsDecodeToTheSameConfigurationAsTheRawPoint(@ForAll @DoubleRange(min = 0, max = 1) double a,
                                                                 @ForAll @DoubleRange(min = 0, max = 1) double b,
                                                                 @ForAll @DoubleRange(min = 0, max = 1) double c,
                                                                 @ForAll @DoubleRange(min = 0, max = 1) double d) {
        double[] u = {a, b, c, d};
        double[] r = map.round(u);
        assertThat(space.decode(r)).isEqualTo(space.decode(u));
        assertThat(map.round(r)).containsExactly(r);
    }
}
