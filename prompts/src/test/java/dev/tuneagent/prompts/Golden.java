package dev.tuneagent.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with {@code src/test/resources/golden/<name>.txt}. Run with
 * {@code -Dgolden.update=true} to rewrite the files after an intended prompt change, then review
 * the diff: a golden file is the reviewed wording of a prompt version.
 */
public final class Golden {
    private Golden() {
    }

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (run with -Dgolden.update=true to create it)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
