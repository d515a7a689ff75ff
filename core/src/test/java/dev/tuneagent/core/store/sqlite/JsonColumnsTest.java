package dev.tuneagent.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.store.TrialTransitions;
import dev.tuneagent.core.study.Provenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {
    static final SearchSpace SPACE = SearchSpace.of(new FloatParam("x", -1e300, 1e300, false),
            new IntParam("n", Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, false),
            new CategoricalParam("c", List.of("a", 1L, 0.5, false)));

    @Property
    void paramsComeBackFromJsonAsTheSameCanonicalValues(@ForAll @DoubleRange(min = -1e300, max = 1e300) double x,
            @ForAll long n, @ForAll @IntRange(min = 0, max = 3) int choice) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x", x);
        params.put("n", n / 2);
        params.put("c", List.of("a", 1L, 0.5, false).get(choice));
        Map<String, Object> back = TrialTransitions.canonical(SPACE, JsonColumns.params(JsonColumns.params(params)));
        assertThat(back).isEqualTo(params);
        back.forEach((k, v) -> assertThat(v).hasSameClassAs(params.get(k)));
    }

    @Property
    void metricsKeepEveryDoubleIncludingNanAndInfinities(@ForAll double v) {
        Map<String, Double> metrics = Map.of("m", v, "nan", Double.NaN, "inf", Double.NEGATIVE_INFINITY);
        assertThat(JsonColumns.metrics(JsonColumns.metrics(metrics))).isEqualTo(metrics);
    }

    @Test
    void provenanceFromAnOlderOrNewerBuildIsReadWithTheFieldsThisOneKnows() {
        String stored = "{\"proposer\":\"gp\",\"seed\":5,\"retiredField\":\"x\"}";
        assertThat(JsonColumns.provenance(stored)).isEqualTo(new Provenance("gp", null, null, 5, null, 0, 0, 0.0));
    }
}
