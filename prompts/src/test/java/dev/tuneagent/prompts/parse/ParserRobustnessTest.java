package dev.tuneagent.prompts.parse;

import static dev.tuneagent.prompts.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParserRobustnessTest {

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> fragments = Arbitraries.of("##", "{", "}", "[", "]", "\"", ":", ",", "lr", "dropout",
                "depth", "criterion", "batch", "gini", "0.5", "-1e309", "NaN", "C1", "configurations", "\n", " ",
                "\\", "true", "null", "1e-3", "99999999999999999999");
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                fragments.list().ofMaxSize(60).map(l -> String.join("", l)));
    }

    @Property(tries = 500)
    void anyReplyGivesAResultNeverAnException(@ForAll("replies") String reply) {
        for (ReplyFormat f : ReplyFormat.values()) {
            ParseResult<List<Map<String, Object>>> r = ConfigReplyParser.parse(reply, SPACE, List.of(), f);
            if (r instanceof ParseResult.Ok<List<Map<String, Object>>> ok) {
                for (Map<String, Object> c : ok.value()) {
                    assertThat(SPACE.coerce(c)).isEqualTo(c);
                }
            } else {
                assertThat(((ParseResult.Failed<?>) r).problems()).isNotEmpty();
            }
            ParseResult<double[]> s = ScoreReplyParser.parse(reply, 3, f);
            if (s instanceof ParseResult.Ok<double[]> ok) {
                assertThat(ok.value()).hasSize(3);
            }
        }
    }
}
