package dev.tuneagent.prompts.parse;

import java.util.List;

/**
 * The outcome of reading a model's reply: the usable value (with notes about parts that were
 * rejected), or the list of problems, phrased so a retry prompt can show them to the model.
 */
public sealed interface ParseResult<T> {

    record Ok<T>(T value, List<String> rejected) implements ParseResult<T> {
        public Ok {
            rejected = List.copyOf(rejected);
        }
    }

    record Failed<T>(List<String> problems) implements ParseResult<T> {
        public Failed {
            if (problems == null || problems.isEmpty()) {
                throw new IllegalArgumentException("a failed parse must say what was wrong");
            }
            problems = List.copyOf(problems);
        }

        /** One paragraph for the retry prompt and for the fallback reason. */
        public String explanation() {
            return String.join("; ", problems);
        }
    }

    static <T> Failed<T> failed(String problem) {
        return new Failed<>(List.of(problem));
    }
}
