package dev.tuneagent.tools.slurm;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted Slurm: sbatch answers {@link #sbatchAnswer}, each scontrol call takes the next scripted line
 * (the last one repeats), sacct answers {@link #sacctAnswer}. Every call is recorded, with its environment.
 * Its {@link #sleeper} only advances {@link #clock}, so polling tests take no time.
 */
final class FakeSlurm implements SlurmCli {
    record Call(List<String> argv, Map<String, String> env) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Deque<Output> scontrol = new ArrayDeque<>();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    volatile Output sbatchAnswer = new Output(0, "4242\n", "");
    volatile Output sacctAnswer = new Output(1, "", "Slurm accounting storage is disabled");
    volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private Output lastScontrol = new Output(1, "", "slurm_load_jobs error: Invalid job id specified");

    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    final SlurmJobLauncher.Sleeper sleeper = d -> {
        sleeps.add(d);
        now = now.plus(d);
    };

    /** Scripts scontrol answers: each a JobState (and ExitCode) line. */
    FakeSlurm states(String... lines) {
        for (String l : lines) {
            scontrol.add(new Output(0, "JobId=4242 JobName=tune-s-0 " + l + " RunTime=00:01:05 TimeLimit=10", ""));
        }
        return this;
    }

    FakeSlurm unknownJob(int times) {
        for (int i = 0; i < times; i++) {
            scontrol.add(new Output(1, "", "slurm_load_jobs error: Invalid job id specified"));
        }
        return this;
    }

    @Override
    public synchronized Output run(List<String> argv, Map<String, String> env) throws IOException {
        calls.add(new Call(List.copyOf(argv), Map.copyOf(env)));
        return switch (argv.get(0)) {
            case "sbatch" -> sbatchAnswer;
            case "scontrol" -> {
                if (!scontrol.isEmpty()) {
                    lastScontrol = scontrol.poll();
                }
                yield lastScontrol;
            }
            case "sacct" -> sacctAnswer;
            case "scancel" -> new Output(0, "", "");
            default -> throw new IOException(argv.get(0) + ": not found");
        };
    }

    List<Call> callsOf(String program) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.argv().get(0).equals(program)) {
                out.add(c);
            }
        }
        return out;
    }
}
