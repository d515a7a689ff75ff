package dev.tuneagent.agent.llm.cassette;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;

/** Whether LLM exchanges go to the network only ({@link Off}), are also written down, or come from disk only. */
public sealed interface CassetteMode {

    record Off() implements CassetteMode {
    }

    /** Calls the provider and writes every exchange, secrets redacted, into {@code dir}. */
    record Record(Path dir) implements CassetteMode {
    }

    /** Never touches the network: every request must match a recording in {@code dir}. */
    record Replay(Path dir) implements CassetteMode {
    }

    static CassetteMode off() {
        return new Off();
    }

    /**
     * Parses {@code off}, {@code record:DIR} or {@code replay:DIR}; a relative DIR resolves against {@code baseDir}
     * (the task file's directory, or the working directory for the CLI).
     */
    static CassetteMode parse(String text, Path baseDir, String path) {
        String expected = "off, record:DIR or replay:DIR";
        if (text == null || text.isBlank() || text.strip().equals("off")) {
            return off();
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0 || colon == t.length() - 1) {
            throw ConfigException.of(path, text, expected);
        }
        Path dir = Path.of(t.substring(colon + 1));
        if (!dir.isAbsolute() && baseDir != null) {
            dir = baseDir.resolve(dir);
        }
        return switch (t.substring(0, colon)) {
            case "record" -> new Record(dir.normalize());
            case "replay" -> new Replay(dir.normalize());
            default -> throw ConfigException.of(path, text, expected);
        };
    }
}
