package dev.tuneagent.core.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.core.prune.Pruner;
import dev.tuneagent.core.space.SearchSpaceCodec;
import java.time.Duration;

/**
 * Writes a {@link TaskSpec} back in task-file form (JSON, absolute paths). A study stores this text so
 * {@code resume} rebuilds the same job and proposer; {@link TaskFileParser} reads it back unchanged.
 */
public final class TaskFileWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskFileWriter() {
    }

    public static String toJson(TaskSpec task) {
        return write(task).toString();
    }

    public static ObjectNode write(TaskSpec task) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", task.name());
        root.putObject("objective").put("metric", task.metric()).put("direction", task.direction().lower());
        ObjectNode job = root.putObject("job").put("type", task.job().type());
        if (task.job() instanceof InProcessJobSpec in) {
            job.put("dataset", in.dataset()).put("model", in.model()).put("folds", in.folds());
            if (in.target() != null) {
                job.put("target", in.target());
            }
        } else if (task.job() instanceof CommandJobSpec cmd) {
            cmd.argv().forEach(job.putArray("argv")::add);
            job.put("timeout", millis(cmd.timeout())).put("metric", cmd.metric());
            if (cmd.workdir() != null) {
                job.put("workdir", cmd.workdir().toString());
            }
        } else if (task.job() instanceof SlurmJobSpec slurm) {
            slurm.argv().forEach(job.putArray("argv")::add);
            job.put("metric", slurm.metric()).put("workdir", slurm.workdir().toString());
            if (slurm.timeout() != null) {
                job.put("timeout", millis(slurm.timeout()));
            }
            putIf(job, "partition", slurm.partition());
            if (slurm.time() != null) {
                job.put("time", millis(slurm.time()));
            }
            if (slurm.cpus() != null) {
                job.put("cpus", slurm.cpus());
            }
            putIf(job, "mem", slurm.mem());
            if (!slurm.extra().isEmpty()) {
                slurm.extra().forEach(job.putArray("extra")::add);
            }
        }
        if (task.space() != null) {
            root.set("space", SearchSpaceCodec.write(task.space()));
        }
        ObjectNode budget = root.putObject("budget").put("trials", task.trials());
        if (task.maxTokens() != null) {
            budget.put("max_tokens", task.maxTokens());
        }
        if (task.maxCostUsd() != null) {
            budget.put("max_cost_usd", task.maxCostUsd());
        }
        if (task.resource() != null) {
            budget.put("resource", task.resource());
        }
        if (task.parallel() > 1) {
            budget.put("parallel", task.parallel());
        }
        if (task.pruner() != Pruner.NONE) {
            root.set("pruner", PrunerSection.write(task.pruner()));
        }
        root.put("proposer", task.proposer()).put("seed", task.seed());
        LlmSpec llm = task.llm();
        if (llm != null && !llm.equals(LlmSpec.empty())) {
            ObjectNode l = root.putObject("llm");
            putIf(l, "model", llm.model());
            putIf(l, "base_url", llm.baseUrl());
            putIf(l, "cassette", llm.cassette());
            if (llm.timeout() != null) {
                l.put("timeout", millis(llm.timeout()));
            }
            putIf(l, "temperature", llm.temperature());
            putIf(l, "input_price_per_m", llm.inputPricePerM());
            putIf(l, "output_price_per_m", llm.outputPricePerM());
            putIf(l, "alpha", llm.alpha());
            putIf(l, "context", llm.context());
        }
        if (task.description() != null) {
            root.put("description", task.description());
        }
        if (!task.enqueue().isEmpty()) {
            root.set("enqueue", JSON.valueToTree(task.enqueue()));
        }
        if (!task.gp().equals(GpSpec.defaults())) {
            ObjectNode gp = root.putObject("gp").put("acquisition", task.gp().acquisition());
            putIf(gp, "beta", task.gp().beta());
        }
        return root;
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }

    private static void putIf(ObjectNode n, String key, Object v) {
        if (v instanceof String s) {
            n.put(key, s);
        } else if (v instanceof Double d) {
            n.put(key, d);
        }
    }
}
