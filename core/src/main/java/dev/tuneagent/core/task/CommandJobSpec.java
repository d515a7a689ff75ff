package dev.tuneagent.core.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run an external program per trial. {@code argv} is an argument vector, never a shell string; the
 * element {@code {params}} is replaced by the path of a JSON file holding the trial's parameters.
 *
 * @param metric  the key of the objective in the last JSON object line the program prints
 * @param workdir the directory trials run under (a subdirectory per trial is made in it)
 */
public record CommandJobSpec(List<String> argv, Duration timeout, String metric, Path workdir) implements JobSpec {
    public CommandJobSpec {
        argv = List.copyOf(argv);
    }

    @Override
    public String type() {
        return "command";
    }
}
