package dev.tuneagent.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.shell.Console;
import dev.tuneagent.shell.ExitCodes;
import dev.tuneagent.shell.TuneApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerOptionsTest {
    @TempDir
    Path dir;

    @Test
    void grace_accepts_seconds_minutes_hours_and_defaults_to_sixty_seconds() {
        assertThat(WorkerOptions.grace(null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(WorkerOptions.grace("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(WorkerOptions.grace("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(WorkerOptions.grace("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(WorkerOptions.grace("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(WorkerOptions.grace("1500ms")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void a_bad_grace_or_parallel_names_the_option_the_value_and_what_was_expected() {
        for (String bad : new String[] {"soon", "-5s", "0s", "500ms", "25h", "2 minutes", ""}) {
            assertThatThrownBy(() -> WorkerOptions.grace(bad)).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--grace").hasMessageContaining("such as 30s, 2m or 1h");
        }
        assertThatThrownBy(() -> WorkerOptions.parallel(0)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--parallel").hasMessageContaining("an integer from 1 to 1024");
        assertThat(WorkerOptions.parallel(8)).isEqualTo(8);
    }

    @Test
    void the_worker_command_exits_2_on_a_bad_grace_before_opening_anything() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TuneApplication.run(new Console(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), "worker", "s",
                "--storage", "sqlite:" + dir.resolve("s.db"), "--grace", "whenever");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--grace", "whenever").doesNotContain("\tat ");
        assertThat(dir.resolve("s.db")).doesNotExist();
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        int code2 = TuneApplication.run(new Console(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err2, true, StandardCharsets.UTF_8)), "resume", "s",
                "--storage", "sqlite:" + dir.resolve("s.db"), "--parallel", "0");
        assertThat(code2).isEqualTo(ExitCodes.USAGE);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("--parallel");
    }
}
