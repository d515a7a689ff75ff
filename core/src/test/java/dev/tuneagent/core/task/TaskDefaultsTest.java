package dev.tuneagent.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskDefaultsTest {
    @TempDir
    Path dir;

    private Path write(String extra) throws Exception {
        Path f = dir.resolve("task.yaml");
        Files.writeString(f, TaskFileParserTest.COMMAND + extra);
        return f;
    }

    @Test
    void aDefaultsMappingIsAcceptedByTheParserAndReadCoercedIntoTheSpace() throws Exception {
        Path f = write("defaults: {x: 1}\n");
        TaskSpec task = new TaskFileParser().parse(f);
        assertThat(TaskDefaults.read(f, task.space())).contains(Map.of("x", 1.0));
    }

    @Test
    void aTaskWithoutDefaultsHasNone() throws Exception {
        Path f = write("");
        assertThat(TaskDefaults.read(f, new TaskFileParser().parse(f).space())).isEmpty();
    }

    @Test
    void aDefaultOutsideTheSpaceIsRejectedWhenTheFileIsParsedNamingDefaults() throws Exception {
        Path f = write("defaults: {x: 9}\n");
        assertThatThrownBy(() -> new TaskFileParser().parse(f)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("defaults: ").hasMessageContaining("x");
    }

    @Test
    void defaultsThatAreNotAMappingAreRejected() throws Exception {
        Path f = write("defaults: [1, 2]\n");
        assertThatThrownBy(() -> new TaskFileParser().parse(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("defaults").hasMessageContaining("a mapping of parameter names to values");
    }
}
