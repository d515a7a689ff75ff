package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code job: {type: slurm, ...}}: the command-job keys plus the sbatch resources. */
final class SlurmSection {
    static final List<String> KEYS = List.of("type", "argv", "timeout", "metric", "workdir", "partition", "time", "cpus",
            "mem", "extra");
    /** Options tune sets itself: letting {@code extra} change them would break tracking or the logs. */
    static final List<String> RESERVED = List.of("--output", "--error", "--job-name", "--parsable", "--wrap",
            "--chdir", "--input", "--array", "--export", "-o", "-e", "-J", "-D", "-i", "-a");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]{1,128}");
    private static final Pattern MEM = Pattern.compile("[1-9][0-9]{0,9}[KMGT]?");

    private SlurmSection() {
    }

    static SlurmJobSpec read(JsonNode node, String objectiveMetric, Path baseDir) {
        Fields job = Fields.mapping(node, "job", KEYS);
        List<String> argv = Paths.argv(job.raw("argv"), "job.argv", baseDir);
        Duration timeout = job.durationOrNull("timeout");
        String metric = job.has("metric") ? job.textOrNull("metric") : objectiveMetric;
        Path workdir = baseDir.resolve(job.has("workdir") ? job.textOrNull("workdir") : "runs").normalize();
        String partition = job.textOrNull("partition");
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw ConfigException.of("job.partition", partition, "a Slurm partition name such as debug or gpu");
        }
        Duration time = job.durationOrNull("time");
        Integer cpus = job.has("cpus") ? (int) job.integerOr("cpus", 1, 1) : null;
        if (cpus != null && cpus > 4096) {
            throw ConfigException.of("job.cpus", cpus, "an integer between 1 and 4096");
        }
        String mem = job.has("mem") ? memory(job) : null;
        return new SlurmJobSpec(argv, timeout, metric, workdir, partition, time, cpus, mem, extra(job.raw("extra")));
    }

    private static String memory(Fields job) {
        JsonNode v = job.raw("mem");
        String text = v.isIntegralNumber() ? v.asText() : v.isTextual() ? v.asText().trim().toUpperCase() : null;
        if (text != null && text.endsWith("B") && text.length() > 1) {
            text = text.substring(0, text.length() - 1);
        }
        if (text == null || !MEM.matcher(text).matches()) {
            throw ConfigException.of("job.mem", Fields.shown(v), "a memory size such as 4G, 512M or 2000 (megabytes)");
        }
        return text;
    }

    private static List<String> extra(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ConfigException.of("job.extra", Fields.shown(node), "a list of sbatch options such as [--gres=gpu:1]");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            String path = "job.extra[" + i + "]";
            if (!v.isTextual() || !v.asText().startsWith("-") || v.asText().contains("\n")) {
                throw ConfigException.of(path, Fields.shown(v), "one sbatch option such as --gres=gpu:1 or "
                        + "--account=myproject (an option and its value in one string)");
            }
            String option = v.asText().split("=", 2)[0];
            if (RESERVED.contains(option)) {
                throw ConfigException.of(path, v.asText(), "an option tune does not set itself; " + RESERVED
                        + " are tune's (use job.workdir, job.partition, job.time, job.cpus, job.mem)");
            }
            out.add(v.asText());
        }
        return out;
    }
}
