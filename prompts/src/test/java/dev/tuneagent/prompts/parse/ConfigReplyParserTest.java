package dev.tuneagent.prompts.parse;

import static dev.tuneagent.prompts.Fixtures.SPACE;
import static dev.tuneagent.prompts.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReplyParserTest {
    static final List<Map<String, Object>> PAST = List.of(config(0.0028, 0.1851, 8, "entropy", 16));

    static ParseResult.Ok<List<Map<String, Object>>> ok(ParseResult<List<Map<String, Object>>> r) {
        assertThat(r).isInstanceOf(ParseResult.Ok.class);
        return (ParseResult.Ok<List<Map<String, Object>>>) r;
    }

    static ParseResult.Failed<List<Map<String, Object>>> failed(ParseResult<List<Map<String, Object>>> r) {
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        return (ParseResult.Failed<List<Map<String, Object>>>) r;
    }

    @Test
    void delimitedConfigurationsAreCoercedToTheirTypes() {
        var r = ok(ConfigReplyParser.parse("""
                ## lr: 0.0123, dropout: 0.25, depth: 7, criterion: "gini", batch: 32 ##
                ## lr: 1e-3, dropout: 0.3, depth: 9.0, criterion: entropy, batch: 64 ##
                """, SPACE, PAST, ReplyFormat.DELIMITED));
        assertThat(r.value()).containsExactly(config(0.0123, 0.25, 7, "gini", 32), config(0.001, 0.3, 9, "entropy", 64));
        assertThat(r.rejected()).isEmpty();
    }

    @Test
    void jsonConfigurationsInsideCodeFencesAndProseAreRead() {
        var r = ok(ConfigReplyParser.parse("""
                Sure! Here you go:
                ```json
                {"configurations": [{"lr": 0.01, "dropout": 0.1, "depth": 3, "criterion": "gini", "batch": 16}]}
                ```
                """, SPACE, PAST, ReplyFormat.JSON));
        assertThat(r.value()).containsExactly(config(0.01, 0.1, 3, "gini", 16));
    }

    @Test
    void outOfSpaceUnknownAndMissingKeysAreRejectedAndExplained() {
        var r = ok(ConfigReplyParser.parse("""
                ## lr: 1000, dropout: 0.25, depth: 7, criterion: gini, batch: 32 ##
                ## lr: 0.01, dropout: 0.25, depth: 7, criterion: gini, batch: 32, shell: rm ##
                ## lr: 0.01, depth: 7, criterion: gini, batch: 32 ##
                ## lr: 0.01, dropout: 0.25, depth: 7, criterion: gini, batch: 32 ##
                """, SPACE, PAST, ReplyFormat.DELIMITED));
        assertThat(r.value()).containsExactly(config(0.01, 0.25, 7, "gini", 32));
        assertThat(String.join("\n", r.rejected()))
                .contains("configuration 1: lr: 1000 is outside")
                .contains("configuration 2: unknown parameter \"shell\"")
                .contains("configuration 3: missing parameter \"dropout\"");
    }

    @Test
    void repeatsOfPastTrialsAtThePromptsPrecisionAreDuplicates() {
        var r = failed(ConfigReplyParser.parse("## lr: 0.002800, dropout: 0.1851, depth: 8, criterion: entropy, batch: 16 ##",
                SPACE, List.of(config(0.0028000004, 0.18512, 8, "entropy", 16)), ReplyFormat.DELIMITED));
        assertThat(r.explanation()).contains("repeats a configuration that was already tried");
    }

    @Test
    void duplicatesWithinOneReplyAreDropped() {
        var r = ok(ConfigReplyParser.parse("[{\"lr\": 0.01, \"dropout\": 0.1, \"depth\": 3, \"criterion\": \"gini\", \"batch\": 16},"
                + "{\"lr\": 0.01, \"dropout\": 0.1, \"depth\": 3, \"criterion\": \"gini\", \"batch\": 16}]",
                SPACE, List.of(), ReplyFormat.JSON));
        assertThat(r.value()).hasSize(1);
        assertThat(r.rejected()).singleElement().asString().contains("repeats an earlier configuration");
    }

    @Test
    void proseAndRefusalsFailWithAnExplanationForTheRetry() {
        var refusal = failed(ConfigReplyParser.parse("I'm sorry, but I can't help with that.", SPACE, PAST,
                ReplyFormat.DELIMITED));
        assertThat(refusal.explanation()).contains("no configuration found").contains("## name: value");
        assertThat(failed(ConfigReplyParser.parse("   ", SPACE, PAST, ReplyFormat.JSON)).explanation())
                .isEqualTo("the reply was empty");
        assertThat(failed(ConfigReplyParser.parse("{\"configurations\": [{\"lr\": {\"$gt\": 1}}]}", SPACE, PAST,
                ReplyFormat.JSON)).explanation()).contains("must be a number, a string or a boolean");
    }

    @Test
    void aRepeatedKeyInOneConfigurationIsRejected() {
        var r = failed(ConfigReplyParser.parse("## lr: 0.01, lr: 0.5, dropout: 0.1, depth: 3, criterion: gini, batch: 16 ##",
                SPACE, PAST, ReplyFormat.DELIMITED));
        assertThat(r.explanation()).contains("\"lr\" is given twice");
    }
}
