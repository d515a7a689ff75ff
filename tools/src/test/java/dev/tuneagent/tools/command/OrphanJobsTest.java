package dev.tuneagent.tools.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which leftover processes a run that takes a trial over ends: real processes ({@code sleep}) stand for the jobs, so
 * the identity check reads the same /proc data as in production.
 */
class OrphanJobsTest {
    static final String HOST = "this-host";
    final List<String> notes = new ArrayList<>();
    final List<Process> started = new ArrayList<>();
    final OrphanJobs orphans = new OrphanJobs(HOST, Duration.ofSeconds(2), notes::add);

    @AfterEach
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
    }

    Process sleeper() throws Exception {
        Process p = new ProcessBuilder("sleep", "300").start();
        started.add(p);
        return p;
    }

    static Trial running(int number, Object process) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (process != null) {
            attrs.put(JobProcess.ATTR, process);
        }
        return new Trial(number, Map.of("x", 1.0), TrialState.RUNNING, null, Map.of(), Provenance.of("random", 0),
                Instant.EPOCH, null, null, attrs);
    }

    static Map<String, Object> record(String host, Process p) {
        return JobProcess.of(p.toHandle(), host).toAttr();
    }

    @Test
    void aLiveJobOnThisHostThatIsStillTheSameProcessIsEndedWithItsChildren() throws Exception {
        Process sh = new ProcessBuilder("/bin/sh", "-c", "sleep 300 & wait").start();
        started.add(sh);
        while (sh.toHandle().children().findAny().isEmpty()) {
            Thread.sleep(10);
        }
        ProcessHandle child = sh.toHandle().children().findFirst().orElseThrow();

        assertThat(orphans.endAll(List.of(running(3, record(HOST, sh))))).isEqualTo(1);

        assertThat(sh.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(child.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(notes).singleElement().asString().startsWith("Trial #3: ended its job")
                .contains("pid " + sh.pid(), "1 child process(es)");
    }

    @Test
    void aReusedPidIsNotKilled() throws Exception {
        Process other = sleeper();
        // The record of an older process that had this pid: same number, a start an hour before this one's.
        Instant start = other.toHandle().info().startInstant().orElseThrow();
        Map<String, Object> stale = new JobProcess(HOST, other.pid(), start.minus(Duration.ofHours(1))).toAttr();

        assertThat(orphans.end(running(4, stale))).isFalse();

        assertThat(other.isAlive()).isTrue();
        assertThat(notes).singleElement().asString().contains("Trial #4", "pid " + other.pid(),
                "now belongs to another process", "left alone");
    }

    @Test
    void theStartInstantToleratesTheJitterOfTheBootTimeButNotMore() {
        Instant t = Instant.parse("2026-12-03T10:00:00.120Z");
        assertThat(OrphanJobs.sameStart(t, t.plusMillis(1000))).isTrue();
        assertThat(OrphanJobs.sameStart(t, t.minusMillis(2000))).isTrue();
        assertThat(OrphanJobs.sameStart(t, t.plusMillis(2001))).isFalse();
        assertThat(OrphanJobs.sameStart(t, t.plus(Duration.ofDays(3)))).isFalse();
    }

    @Test
    void aJobOnAnotherHostIsReportedWithHostAndPidAndNotTouched() throws Exception {
        Process p = sleeper();

        assertThat(orphans.end(running(5, record("gpu-node-7", p)))).isFalse();

        assertThat(p.isAlive()).isTrue();
        assertThat(notes).singleElement().asString().contains("Trial #5: warning", "pid " + p.pid(),
                "host gpu-node-7", "end it on gpu-node-7");
    }

    @Test
    void aRecordWithoutStartInstantNeverEndsALiveProcess() throws Exception {
        Process p = sleeper();
        Map<String, Object> noStart = new LinkedHashMap<>(record(HOST, p));
        noStart.remove("start");

        assertThat(orphans.end(running(6, noStart))).isFalse();

        assertThat(p.isAlive()).isTrue();
        assertThat(notes).singleElement().asString().contains("warning", "cannot be told from a reused pid");
    }

    @Test
    void badStoredValuesAreIgnoredWithAWarningNamingTheField() throws Exception {
        Process p = sleeper();
        Map<String, Object> good = record(HOST, p);
        List<Object> bad = List.of(
                "kill -9 -1",
                Map.of("host", HOST, "pid", "1; rm -rf /", "start", good.get("start")),
                Map.of("host", HOST, "pid", -1, "start", good.get("start")),
                Map.of("host", HOST, "pid", 2.5, "start", good.get("start")),
                Map.of("host", 42, "pid", p.pid()),
                Map.of("host", HOST, "pid", p.pid(), "start", "yesterday"));

        for (int i = 0; i < bad.size(); i++) {
            assertThat(orphans.end(running(i, bad.get(i)))).isFalse();
        }

        assertThat(p.isAlive()).isTrue();
        assertThat(notes).hasSize(bad.size()).allMatch(n -> n.contains("warning: its stored process record is not usable"));
        assertThat(notes.get(0)).contains("expected an object");
        assertThat(notes.get(1)).contains("pid: expected a positive whole number, got \"1; rm -rf /\"");
        assertThat(notes.get(2)).contains("pid: expected a positive whole number, got -1");
        assertThat(notes.get(3)).contains("pid: expected a positive whole number, got 2.5");
        assertThat(notes.get(4)).contains("host: expected a host name, got 42");
        assertThat(notes.get(5)).contains("start: expected an ISO-8601 instant, got \"yesterday\"");
    }

    @Test
    void aTrialWithoutRecordOrWhoseJobIsGoneIsSkippedSilently() throws Exception {
        Process p = sleeper();
        Map<String, Object> gone = record(HOST, p);
        p.destroyForcibly();
        p.waitFor();

        assertThat(orphans.endAll(List.of(running(1, null), running(2, gone)))).isZero();
        assertThat(notes).isEmpty();
    }

    @Test
    void theRecordRoundTripsThroughItsAttributeValue() {
        JobProcess p = new JobProcess("h", 123, Instant.parse("2026-12-03T10:00:00.120Z"));
        assertThat(JobProcess.parse(p.toAttr()).value()).contains(p);
        assertThat(p.toAttr()).containsExactly(Map.entry("host", "h"), Map.entry("pid", 123L),
                Map.entry("start", "2026-12-03T10:00:00.120Z"));
    }
}
