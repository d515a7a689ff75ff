package dev.tuneagent.core.store.bench;

import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A benchmark worker in its own JVM: {@code BenchWorkerMain STUDY SEED}, with the store in the environment variable
 * {@value #STORAGE_ENV} (and a PostgreSQL password in {@code PGPASSWORD}, so it never shows in {@code ps}). It opens
 * its own store, prints {@code ready}, waits for a line on stdin (so every worker starts together, after the JVMs'
 * start-up), runs {@link WorkerLoop#work} and prints its {@link WorkerLoop.Run} as {@link #encode} lines.
 */
public final class BenchWorkerMain {
    public static final String STORAGE_ENV = "TUNE_BENCH_STORAGE";
    static final String READY = "ready";

    private BenchWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchWorkerMain STUDY SEED (store in $" + STORAGE_ENV + ")");
            System.exit(2);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        WorkerLoop.Run run;
        try (StudyStore store = StudyStores.open(StorageLocation.parse(System.getenv(STORAGE_ENV)))) {
            store.findStudy(args[0]); // connect (and migrate) before the start line, not inside the timed part
            System.out.println(READY);
            System.out.flush();
            if (in.readLine() == null) {
                return; // the parent gave up before the start
            }
            run = WorkerLoop.work(store, args[0], Long.parseLong(args[1]));
        }
        System.out.print(encode(run));
        System.out.flush();
    }

    /** One {@code key value} line per field; the error last, as it may hold anything but a newline. */
    static String encode(WorkerLoop.Run r) {
        return "owner " + r.owner() + "\n"
                + "began " + r.began() + "\n"
                + "ended " + r.ended() + "\n"
                + "numbers" + r.numbers().stream().map(n -> " " + n).collect(Collectors.joining()) + "\n"
                + "nanos" + Arrays.stream(r.nanos()).mapToObj(n -> " " + n).collect(Collectors.joining()) + "\n"
                + (r.error() == null ? "" : "error " + r.error().replace('\n', ' ') + "\n");
    }

    /** The run a child printed; a child that died before printing one comes back as an error naming its output. */
    static WorkerLoop.Run decode(List<String> lines) {
        String owner = null;
        Instant began = null;
        Instant ended = null;
        List<Integer> numbers = null;
        long[] nanos = null;
        String error = null;
        for (String line : lines) {
            int sp = line.indexOf(' ');
            String key = sp < 0 ? line : line.substring(0, sp);
            String value = sp < 0 ? "" : line.substring(sp + 1);
            switch (key) {
                case "owner" -> owner = value;
                case "began" -> began = Instant.parse(value);
                case "ended" -> ended = Instant.parse(value);
                case "numbers" -> numbers = value.isBlank() ? List.of()
                        : Arrays.stream(value.trim().split(" ")).map(Integer::valueOf).toList();
                case "nanos" -> nanos = value.isBlank() ? new long[0]
                        : Arrays.stream(value.trim().split(" ")).mapToLong(Long::parseLong).toArray();
                case "error" -> error = value;
                default -> {
                    // "ready" and anything a library printed are not part of the result
                }
            }
        }
        if (owner == null || began == null || ended == null || numbers == null || nanos == null) {
            List<String> shown = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            return new WorkerLoop.Run("?", List.of(), new long[0], Instant.EPOCH, Instant.EPOCH,
                    "worker process printed no result; its last output: " + String.join(" | ", shown));
        }
        return new WorkerLoop.Run(owner, numbers, nanos, began, ended, error);
    }
}
