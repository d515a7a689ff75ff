package dev.tuneagent.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void theInternalErrorHintNamesTheLogFileInUse() {
        assertThat(Errors.logFile(Map.of("TUNE_LOG_FILE", "/tmp/elsewhere/t.log"), "/home/u")).isEqualTo("/tmp/elsewhere/t.log");
        assertThat(Errors.logFile(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u", ".tune", "logs", "tune.log").toString());
        assertThat(Errors.logFile(Map.of("TUNE_LOG_FILE", " "), "/home/u")).endsWith("tune.log").startsWith("/home/u");
    }
}
