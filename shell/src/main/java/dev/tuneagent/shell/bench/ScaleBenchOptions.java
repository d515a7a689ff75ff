package dev.tuneagent.shell.bench;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.bench.WorkerBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code tune bench-scale}, checked before anything runs. Part 1 (store throughput) runs on each of
 * {@code storages} with each count of {@code workers}; part 2 (a study of a sleeping objective) runs on each of
 * {@code jobs} with each of {@code parallel}. An empty list skips its part.
 *
 * @param storages     {@link #TEMP_SQLITE} (a temporary SQLite file), memory, or a storage URI
 * @param trials       ask+tell rounds per part-1 cell (the shared study's budget)
 * @param mode         workers as threads of this JVM or as one JVM each
 * @param jobs         {@code local} (a command job) and/or {@code slurm}
 * @param studyTrials  the part-2 study's budget
 * @param sleepSeconds how long the objective sleeps
 * @param partition    Slurm partition (null: the cluster's default)
 * @param studyStorage where the part-2 studies live ({@link #TEMP_SQLITE} or memory)
 */
public record ScaleBenchOptions(List<String> storages, List<Integer> workers, int trials, WorkerBenchmark.Mode mode,
                                List<String> jobs, List<Integer> parallel, int studyTrials, double sleepSeconds,
                                String partition, String proposer, String studyStorage) {
    public static final String TEMP_SQLITE = "sqlite";
    static final Set<String> JOBS = Set.of("local", "slurm");
    static final Set<String> PROPOSERS = Set.of("random", "sobol", "gp");

    public ScaleBenchOptions {
        storages = List.copyOf(storages);
        workers = List.copyOf(workers);
        jobs = List.copyOf(jobs);
        parallel = List.copyOf(parallel);
    }

    /** Parses the command's raw option values; every problem is a {@link ConfigException} naming the option. */
    public static ScaleBenchOptions parse(String storage, String workers, int trials, boolean threads, String jobs,
                                          String parallel, int studyTrials, double sleep, String partition,
                                          String proposer, String studyStorage) {
        List<String> storages = list(storage);
        for (String s : storages) {
            if (!s.equals(TEMP_SQLITE)) {
                StorageLocation.parse(s); // a bad URI fails here, naming --storage, before any cell has run
            }
        }
        if (trials < 1) {
            throw ConfigException.of("--trials", trials, "a whole number of at least 1");
        }
        List<String> jobList = list(jobs);
        for (String j : jobList) {
            if (!JOBS.contains(j)) {
                throw ConfigException.of("--jobs", j, "local, slurm or none (comma-separated)");
            }
        }
        if (studyTrials < 1) {
            throw ConfigException.of("--study-trials", studyTrials, "a whole number of at least 1");
        }
        if (!(sleep >= 0 && sleep <= 3600)) {
            throw ConfigException.of("--sleep", sleep, "seconds between 0 and 3600");
        }
        if (!PROPOSERS.contains(proposer)) {
            throw ConfigException.of("--proposer", proposer, "random, sobol or gp");
        }
        if (!studyStorage.equals(TEMP_SQLITE) && !studyStorage.equals("memory")) {
            throw ConfigException.of("--study-storage", studyStorage, "sqlite (a temporary file) or memory");
        }
        if (partition != null && !partition.matches("[A-Za-z0-9_.-]+")) {
            throw ConfigException.of("--partition", partition, "a Slurm partition name (letters, digits, _ . -)");
        }
        return new ScaleBenchOptions(storages, counts("--workers", workers), trials,
                threads ? WorkerBenchmark.Mode.THREADS : WorkerBenchmark.Mode.PROCESSES, jobList,
                counts("--parallel", parallel), studyTrials, sleep, partition, proposer, studyStorage);
    }

    /** Comma-separated, blanks dropped, duplicates once; {@code none} is the empty list. */
    static List<String> list(String value) {
        if (value == null || value.isBlank() || value.trim().equals("none")) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return new ArrayList<>(out);
    }

    static List<Integer> counts(String option, String value) {
        List<String> parts = list(value);
        if (parts.isEmpty()) {
            throw ConfigException.of(option, value, "whole numbers of at least 1, comma-separated, e.g. 1,4,8");
        }
        List<Integer> out = new ArrayList<>();
        for (String p : parts) {
            int n;
            try {
                n = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw ConfigException.of(option, p, "whole numbers of at least 1, comma-separated, e.g. 1,4,8");
            }
            if (n < 1 || n > 256) {
                throw ConfigException.of(option, p, "whole numbers from 1 to 256");
            }
            out.add(n);
        }
        return out;
    }
}
