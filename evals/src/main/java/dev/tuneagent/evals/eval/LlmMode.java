package dev.tuneagent.evals.eval;

import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;

/** {@code --llm}: how the LLM proposers' cells reach a model. */
public sealed interface LlmMode {

    /** Live calls, nothing written down. */
    record Off() implements LlmMode {
    }

    /** Live calls, each cell's exchanges recorded into {@code dir/TASK/PROPOSER-sSEED}. */
    record Record(Path dir) implements LlmMode {
    }

    /** No network: each cell replays {@code dir/TASK/PROPOSER-sSEED} or fails. */
    record Replay(Path dir) implements LlmMode {
    }

    static LlmMode parse(String text) {
        String t = text == null ? "off" : text.strip();
        if (t.equals("off")) {
            return new Off();
        }
        int colon = t.indexOf(':');
        String expected = "off, record:DIR or replay:DIR";
        if (colon < 0 || colon == t.length() - 1) {
            throw ConfigException.of("--llm", text, expected);
        }
        Path dir = Path.of(t.substring(colon + 1)).toAbsolutePath().normalize();
        return switch (t.substring(0, colon)) {
            case "record" -> new Record(dir);
            case "replay" -> new Replay(dir);
            default -> throw ConfigException.of("--llm", text, expected);
        };
    }

    /** The cell's own cassette directory, or null when nothing is recorded or replayed. */
    default Path cellDir(String task, String proposer, long seed) {
        Path root = this instanceof Record r ? r.dir() : this instanceof Replay r ? r.dir() : null;
        return root == null ? null : root.resolve(task).resolve(proposer + "-s" + seed);
    }

    /** The {@code llm.cassette} text for a cell's task; null when off. */
    default String cassette(Path cellDir) {
        if (cellDir == null) {
            return null;
        }
        return this instanceof Record ? "record:" + cellDir : this instanceof Replay ? "replay:" + cellDir : null;
    }

    default String label() {
        return this instanceof Record r ? "record:" + r.dir() : this instanceof Replay r ? "replay:" + r.dir() : "off";
    }
}
