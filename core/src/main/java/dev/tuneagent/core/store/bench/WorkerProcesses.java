package dev.tuneagent.core.store.bench;

import dev.tuneagent.core.store.StorageLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark workers as child JVMs ({@link BenchWorkerMain}): started together, released together once every one of
 * them has connected, and read back from their output. The store reaches them through the environment, with a
 * PostgreSQL password in {@code PGPASSWORD}, so no password is on a command line.
 */
final class WorkerProcesses {
    private WorkerProcesses() {
    }

    static List<WorkerLoop.Run> run(StorageLocation target, String study, int workers, Duration readyLimit,
                                    Duration runLimit) {
        List<Process> procs = new ArrayList<>();
        List<List<String>> outputs = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(workers);
        List<Thread> readers = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                ProcessBuilder pb = new ProcessBuilder(JavaChild.command(BenchWorkerMain.class.getName(),
                        List.of(study, String.valueOf(w + 1)))).redirectErrorStream(true);
                pb.environment().putAll(environment(target));
                Process p = pb.start();
                procs.add(p);
                List<String> lines = new CopyOnWriteArrayList<>();
                outputs.add(lines);
                Thread reader = new Thread(() -> read(p, lines, ready), "bench-worker-" + w);
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
            if (!ready.await(readyLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("benchmark workers did not start within " + readyLimit.toSeconds()
                        + " s; outputs: " + outputs);
            }
            for (Process p : procs) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write("go\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException died) {
                    // it ended before the start; its output says why and the check reports it
                }
            }
            long deadline = System.nanoTime() + runLimit.toNanos();
            for (Process p : procs) {
                if (!p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("a benchmark worker was still running after "
                            + runLimit.toMinutes() + " min");
                }
            }
            for (Thread r : readers) {
                r.join(TimeUnit.SECONDS.toMillis(10));
            }
            return outputs.stream().map(BenchWorkerMain::decode).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a benchmark worker JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the benchmark workers ran", e);
        } finally {
            procs.forEach(Process::destroyForcibly); // no-op for those that ended; nothing outlives the benchmark
        }
    }

    /** Counts the worker as ready at its {@code ready} line, or when its output ends (it died: don't wait for it). */
    private static void read(Process p, List<String> lines, CountDownLatch ready) {
        boolean counted = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (!counted && line.equals(BenchWorkerMain.READY)) {
                    ready.countDown();
                    counted = true;
                }
            }
        } catch (IOException e) {
            lines.add("error reading the worker's output: " + e.getMessage());
        } finally {
            if (!counted) {
                ready.countDown();
            }
        }
    }

    static Map<String, String> environment(StorageLocation target) {
        if (target instanceof StorageLocation.Postgres p) {
            StringBuilder uri = new StringBuilder("postgresql://" + p.user() + "@" + p.host() + ":" + p.port() + "/"
                    + p.database() + "?schema=" + p.schema());
            new java.util.TreeMap<>(p.options()).forEach((k, v) -> uri.append('&').append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return p.password() == null ? Map.of(BenchWorkerMain.STORAGE_ENV, uri.toString())
                    : Map.of(BenchWorkerMain.STORAGE_ENV, uri.toString(), "PGPASSWORD", p.password());
        }
        return Map.of(BenchWorkerMain.STORAGE_ENV, target.uri());
    }
}
