package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task files written by someone trying to break the parser: each case once misread or explained badly. */
class HostileTaskFileTest {
    private static final String HEAD = """
            name: hostile
            objective: {metric: value, direction: minimize}
            job: {type: command, argv: [python3, train.py, "{params}"]}
            budget: {trials: 3}
            """;

    private final TaskFileParser parser = new TaskFileParser();
    @TempDir
    Path dir;

    private TaskSpec parse(String yaml) {
        return parser.parse(yaml, dir, false);
    }

    private String error(String yaml) {
        Throwable t = catchThrowable(() -> parse(yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return t.getMessage();
    }

    @Test
    void anchorsAndAliasesExpandToTheValuesTheyName() {
        TaskSpec task = parse(HEAD + """
                space:
                  x: {type: float, low: &lo -5, high: &hi 5}
                  y: {type: float, low: *lo, high: *hi}
                  c: {type: categorical, choices: [&d a, b]}
                  e: {type: categorical, choices: [*d, other]}
                  f: &shape {type: float, low: 0, high: 1}
                  g: *shape
                  h: {<<: *shape, high: 2}
                """);
        assertThat(task.space().param("y").orElseThrow()).isEqualTo(new FloatParam("y", -5, 5, false));
        assertThat(((CategoricalParam) task.space().param("e").orElseThrow()).choices()).containsExactly("a", "other");
        assertThat(task.space().param("g").orElseThrow()).isEqualTo(new FloatParam("g", 0, 1, false));
        assertThat(task.space().param("h").orElseThrow()).isEqualTo(new FloatParam("h", 0, 2, false));
    }

    @Test
    void anAliasBombIsRefusedBeforeItExpands() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", List.of(prev, prev, prev,
                    prev, prev, prev, prev, prev, prev, prev))).append("]\n");
        }
        assertThat(error(bomb.toString())).startsWith("the task file is not valid YAML")
                .contains("expands to more than 100000 values");
        assertThat(error(HEAD + "space: {x: *nowhere}\n")).contains("undefined alias nowhere");
    }

    @Test
    void nanAndInfinityAreValidYamlButNotAllowedAsBounds() {
        assertThat(error(HEAD + "space: {x: {type: float, low: .nan, high: 5}}\n"))
                .startsWith("space.x.low: got .nan, expected a finite number: .nan and .inf are valid YAML but not allowed");
        assertThat(error(HEAD + "space: {x: {type: float, low: -.inf, high: 5}}\n")).startsWith("space.x.low: got -.inf,");
        assertThat(error(HEAD + "space: {x: {type: float, low: 0, high: 1e400}}\n"))
                .startsWith("space.x.high: got 1E+400, expected a finite number")
                .contains(String.valueOf(Double.MAX_VALUE)).doesNotContain("Infinity");
        assertThat(error(HEAD + "space: {n: {type: int, low: 0, high: 99999999999999999999}}\n"))
                .startsWith("space.n.high: got 99999999999999999999, expected an integer between");
    }

    @Test
    void aFloatRangeWiderThanTheLargestDoubleIsRefusedNamingTheLimit() {
        assertThat(error(HEAD + "space: {x: {type: float, low: -1e308, high: 1e308}}\n"))
                .startsWith("space.x: high - low must be at most " + Double.MAX_VALUE);
        assertThat(parse(HEAD + "space: {x: {type: float, low: 1e-300, high: 1e308, log: true}}\n").space().params())
                .hasSize(1);
        assertThat(error(HEAD + "space: {n: {type: int, low: -9000000000000000000, high: 9000000000000000000}}\n"))
                .startsWith("space.n: high - low must be at most " + Long.MAX_VALUE);
    }

    @Test
    void aNonAsciiStudyNameIsRefusedSayingAscii() {
        assertThat(error(HEAD.replace("name: hostile", "name: café")))
                .isEqualTo("name: got \"café\", which has the non-ASCII character 'é'; expected ASCII letters, digits,"
                        + " '_', '-' or '.', starting with a letter or digit (at most 128 characters)");
    }

    @Test
    void aBinaryFileIsNotCalledAnInputLengthProblem() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.yaml"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0, 1, 2});
        Throwable t = catchThrowable(() -> parser.parse(garbage));
        assertThat(t).isInstanceOf(ConfigException.class)
                .hasMessage("task file " + garbage + " is not UTF-8 text (a binary file?); expected a YAML or JSON task file");
    }

    @Test
    void aCredentialInTheBaseUrlIsRefusedWithoutEchoingIt() {
        String msg = error(HEAD + "space: {x: {type: float, low: 0, high: 1}}\n"
                + "llm: {model: \"openai:m\", base_url: \"https://user:sk-secret-42@example.com/v1\"}\n");
        assertThat(msg).startsWith("llm.base_url: the URL holds a user name or password").doesNotContain("sk-secret", "user:");
        assertThat(parse(HEAD + "space: {x: {type: float, low: 0, high: 1}}\n"
                + "llm: {base_url: \"http://127.0.0.1:8000/v1?q=a@b\"}\n").llm().baseUrl()).endsWith("q=a@b");
    }
}
