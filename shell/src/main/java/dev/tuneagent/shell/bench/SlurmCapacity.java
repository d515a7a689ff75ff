package dev.tuneagent.shell.bench;

import dev.tuneagent.tools.slurm.ProcessSlurmCli;
import dev.tuneagent.tools.slurm.SlurmCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What caps parallel trials on Slurm: the scheduler starts a 1-CPU job only where a CPU is free, so a partition of
 * T CPUs runs at most T trials at once whatever {@code budget.parallel} says. The benchmark prints this next to its
 * Slurm rows so a flat speed-up above T is read correctly.
 */
public final class SlurmCapacity {
    private static final Pattern CPUS = Pattern.compile("^(\\d+)/(\\d+)/(\\d+)/(\\d+)\\s*$", Pattern.MULTILINE);

    private SlurmCapacity() {
    }

    public static boolean hasSbatch() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "sbatch"))) {
                return true;
            }
        }
        return false;
    }

    /** The note for {@code partition} (null: the default one), asking {@code sinfo -h -o %C}. */
    public static String note(String partition) {
        return note(partition, new ProcessSlurmCli());
    }

    static String note(String partition, SlurmCli cli) {
        List<String> argv = new ArrayList<>(List.of("sinfo", "-h", "-o", "%C"));
        if (partition != null) {
            argv.addAll(List.of("-p", partition));
        }
        String where = partition == null ? "the default partition" : "partition " + partition;
        try {
            SlurmCli.Output o = cli.run(argv, Map.of());
            Matcher m = CPUS.matcher(o.stdout());
            if (o.exit() == 0 && m.find()) {
                return note(where, Integer.parseInt(m.group(4)), m.group());
            }
            return "(slurm: sinfo did not say how many CPUs " + where + " has: " + (o.stdout() + o.stderr()).strip()
                    + "; trials run at once are capped by its free CPUs, one per 1-CPU job)";
        } catch (IOException e) {
            return "(slurm: cannot run sinfo (" + e.getMessage() + "); trials run at once are capped by the "
                    + "partition's free CPUs, one per 1-CPU job)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(slurm: interrupted while asking sinfo)";
        }
    }

    static String note(String where, int total, String raw) {
        return "(slurm: " + where + " has " + total + " CPU(s) (sinfo %C allocated/idle/other/total = " + raw.strip()
                + "):\n each trial is a 1-CPU job, so at most " + total + " run at once and a higher parallel only "
                + "queues more jobs. The speed-up over parallel 1 can\n still pass " + total + "x: a serial trial also "
                + "waits for sbatch and for the launcher's poll, and those waits overlap once several\n trials are "
                + "in flight)";
    }

}
