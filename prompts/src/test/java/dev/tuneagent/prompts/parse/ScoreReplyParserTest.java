package dev.tuneagent.prompts.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreReplyParserTest {

    @Test
    void delimitedPredictionsFillTheirCandidatesAndMissingOnesAreNaN() {
        var r = (ParseResult.Ok<double[]>) ScoreReplyParser.parse("## C1: 0.81 ##\n## C3: -2.5e-1 ##", 3,
                ReplyFormat.DELIMITED);
        assertThat(r.value()[0]).isEqualTo(0.81);
        assertThat(r.value()[1]).isNaN();
        assertThat(r.value()[2]).isEqualTo(-0.25);
        assertThat(r.rejected()).containsExactly("no prediction for candidates [2]");
    }

    @Test
    void jsonPredictionsMayBeNestedUnderPredictions() {
        var r = (ParseResult.Ok<double[]>) ScoreReplyParser.parse("{\"predictions\": {\"C1\": 0.5, \"C2\": \"0.75\"}}",
                2, ReplyFormat.JSON);
        assertThat(r.value()).containsExactly(0.5, 0.75);
    }

    @Test
    void nonNumbersAndUnknownCandidatesAreExplained() {
        var r = (ParseResult.Failed<double[]>) ScoreReplyParser.parse("## C1: high ##\n## C9: 0.3 ##", 2,
                ReplyFormat.DELIMITED);
        assertThat(r.explanation()).contains("C1: \"high\" is not a number").contains("unknown candidate C9");
    }

    @Test
    void proseFails() {
        assertThat(ScoreReplyParser.parse("They all look great.", 2, ReplyFormat.DELIMITED))
                .isInstanceOf(ParseResult.Failed.class);
    }
}
