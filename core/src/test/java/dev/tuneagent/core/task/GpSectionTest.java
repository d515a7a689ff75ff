package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task file's {@code gp:} section: the acquisition a researcher picks, checked like every other field. */
class GpSectionTest {
    private final TaskFileParser parser = new TaskFileParser();
    @TempDir
    Path dir;

    private TaskSpec parse(String gpSection) {
        return parser.parse(TaskFileParserTest.COMMAND + gpSection, dir, false);
    }

    private String error(String gpSection) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> parse(gpSection));
        assertThat(t).isInstanceOf(ConfigException.class);
        return t.getMessage();
    }

    @Test
    void withoutASectionTheGpUsesLogExpectedImprovement() {
        assertThat(parse("").gp()).isEqualTo(GpSpec.defaults());
        assertThat(GpSpec.defaults().acquisition()).isEqualTo("logei");
    }

    @Test
    void eachAcquisitionCanBeChosenAndUcbTakesABeta() {
        assertThat(parse("gp: {acquisition: pi}\n").gp()).isEqualTo(new GpSpec("pi", null));
        assertThat(parse("gp: {acquisition: LogEI}\n").gp()).isEqualTo(GpSpec.defaults());
        assertThat(parse("gp: {acquisition: ucb, beta: 0.5}\n").gp()).isEqualTo(GpSpec.ucb(0.5));
        assertThat(parse("gp: {acquisition: ucb}\n").gp().beta()).isEqualTo(GpSpec.DEFAULT_BETA);
    }

    @Test
    void badValuesNameThePathTheValueAndWhatWasExpected() {
        assertThat(error("gp: {acquisition: ei}\n"))
                .isEqualTo("gp.acquisition: got \"ei\", expected one of [logei, ucb, pi]");
        assertThat(error("gp: {acquisition: ucb, beta: -1}\n")).isEqualTo("gp.beta: got -1, expected a number >= 0");
        assertThat(error("gp: {acquisition: ucb, beta: high}\n")).startsWith("gp.beta: got \"high\"");
        assertThat(error("gp: {beta: 2}\n")).startsWith("gp.beta: applies only to acquisition: ucb");
        assertThat(error("gp: {acquisition: ucb, kappa: 2}\n"))
                .isEqualTo("gp.kappa: unknown key; allowed here: [acquisition, beta]");
        assertThat(error("gp: ucb\n")).startsWith("gp: got \"ucb\", expected a mapping");
    }

    @Test
    void theWrittenTaskKeepsTheChoiceSoAResumeUsesTheSameAcquisition() {
        for (String section : new String[] {"", "gp: {acquisition: pi}\n", "gp: {acquisition: ucb, beta: 2.5}\n"}) {
            TaskSpec t = parse(section);
            assertThat(parser.parse(TaskFileWriter.toJson(t), dir, true)).isEqualTo(t);
        }
        assertThat(TaskFileWriter.write(parse("")).has("gp")).isFalse();
    }

    @Test
    void theValueObjectRefusesWhatTheParserRefuses() {
        assertThatThrownBy(() -> new GpSpec("ei", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GpSpec("pi", 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GpSpec.ucb(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
