package dev.tuneagent.evals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.core.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static List<JsonNode> lines(Path out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : Files.readAllLines(out.resolve("results.jsonl"))) {
            l.add(JSON.readTree(s));
        }
        return l;
    }

    private static List<String> fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            f.add(it.next());
        }
        return f;
    }

    @Test
    void aSyntheticRunWritesOneLinePerCellWithTheIssuesFieldsAndAReport() throws Exception {
        Path out = dir.resolve("e");
        Evals e = Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random,gp", "--seeds", "2",
                "--trials", "6", "--out", out.toString());
        List<JsonNode> lines = lines(out);
        assertThat(lines).hasSize(4);
        assertThat(fields(lines.get(0))).startsWith("task", "proposer", "seed", "status", "reason", "best", "curve",
                "calls", "tokens", "cost_usd", "fallbacks", "wall_s", "proposer_ms");
        JsonNode gp = lines.stream().filter(n -> n.get("proposer").asText().equals("gp")).findFirst().orElseThrow();
        assertThat(gp.get("status").asText()).isEqualTo("ok");
        assertThat(gp.get("curve")).hasSize(6);
        assertThat(gp.get("view").asText()).isEqualTo("plain"); // no LLM proposer in the run
        assertThat(gp.get("best").asDouble()).isEqualTo(gp.get("curve").get(5).asDouble());
        assertThat(e.printed()).contains("### Mean rank").contains("### branin (log10 simple regret")
                .contains("| random vs gp |");
        assertThat(out.resolve("summary.md")).exists();
        assertThat(out.resolve("results.csv")).exists();
        assertThat(out.resolve("plots/branin.png")).exists();
        assertThat(out.resolve("plots/mean-rank.png")).exists();
        assertThat(out.resolve("studies/branin/gp-s1.db")).exists(); // each cell a real study in its own store
        assertThat(out.resolve("work")).doesNotExist(); // in-process trials leave no directories behind
    }

    @Test
    void aRerunRunsOnlyTheMissingCellsAndWritesNoDuplicateLine() throws Exception {
        Path out = dir.resolve("e");
        String[] args = {"--suite", "synthetic", "--tasks", "branin", "--proposers", "random", "--seeds", "2",
                "--trials", "4", "--out", out.toString(), "--store", "memory"};
        Evals.run(args);
        List<JsonNode> first = lines(out);
        Evals again = Evals.run(args);
        assertThat(again.progress()).contains("2 to run".replace("2", "0"));
        assertThat(lines(out)).isEqualTo(first);
        Evals more = Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random,sobol", "--seeds",
                "3", "--trials", "4", "--out", out.toString(), "--store", "memory");
        assertThat(more.progress()).contains("6 cells (2 already in").contains("4 to run");
        assertThat(lines(out)).hasSize(6).startsWith(first.toArray(JsonNode[]::new));
    }

    @Test
    void aCellAKilledEvalLeftUnfinishedStartsOverAndGivesTheNumbersOfAnUninterruptedRun() throws Exception {
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        String[] args = {"--suite", "synthetic", "--tasks", "branin", "--proposers", "gp", "--seeds", "1",
                "--trials", "6"};
        Evals.run(concat(args, "--out", whole.toString()));
        String study = "branin-gp-s0";
        // What a killed eval leaves: the cell's study with a finished trial and one still RUNNING, no results line.
        Path db = killed.resolve("studies/branin/gp-s0.db");
        Files.createDirectories(db.getParent());
        try (SqliteStudyStore done = new SqliteStudyStore(whole.resolve("studies/branin/gp-s0.db"));
             SqliteStudyStore left = new SqliteStudyStore(db)) {
            left.createStudy(done.findStudy(study).orElseThrow());
            Trial first = done.trials(study).get(0);
            left.startTrial(study, new Proposal(first.params(), first.provenance()), Instant.EPOCH);
            left.finishTrial(study, 0, TrialOutcome.complete(first.value(), Map.of()), Instant.EPOCH);
            left.startTrial(study, new Proposal(Map.of("x0", 9.0, "x1", 14.0), Provenance.of("gp", 0)), Instant.EPOCH);
        }

        Evals.run(concat(args, "--out", killed.toString()));

        JsonNode a = lines(whole).get(0);
        JsonNode b = lines(killed).get(0);
        assertThat(b.get("curve")).isEqualTo(a.get("curve"));
        assertThat(b.get("best")).isEqualTo(a.get("best"));
        try (SqliteStudyStore redone = new SqliteStudyStore(db)) {
            assertThat(redone.trials(study)).hasSize(6).allMatch(t -> t.state() == TrialState.COMPLETE)
                    .noneMatch(t -> Map.of("x0", 9.0, "x1", 14.0).equals(t.params()));
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void theSameCommandGivesIdenticalNumbersExceptWallClockFields() throws Exception {
        List<List<JsonNode>> runs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path out = dir.resolve(name);
            Evals.run("--suite", "synthetic", "--tasks", "branin,hartmann3", "--proposers", "random,sobol,gp",
                    "--seeds", "2", "--trials", "8", "--out", out.toString(), "--jobs", "2", "--store", "memory");
            List<JsonNode> l = lines(out);
            l.forEach(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove(List.of("wall_s", "proposer_ms")));
            l.sort(java.util.Comparator.comparing(JsonNode::toString));
            runs.add(l);
        }
        assertThat(runs.get(0)).hasSize(12).isEqualTo(runs.get(1));
    }

    @Test
    void theReportIsRebuiltFromResultsJsonlAlone() throws Exception {
        Path out = dir.resolve("e");
        Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random,sobol", "--seeds", "2",
                "--trials", "5", "--out", out.toString(), "--store", "memory");
        String summary = Files.readString(out.resolve("summary.md"));
        String csv = Files.readString(out.resolve("results.csv"));
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(out.resolve("results.jsonl"), copy.resolve("results.jsonl"));
        Evals.run("--report-only", "--out", copy.toString());
        assertThat(Files.readString(copy.resolve("summary.md"))).isEqualTo(summary);
        assertThat(Files.readString(copy.resolve("results.csv"))).isEqualTo(csv);
        assertThat(copy.resolve("plots/branin.png")).exists();
    }

    @Test
    void aRerunWithAnotherBudgetOrViewIsRefusedNamingTheOption() {
        Path out = dir.resolve("e");
        Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random", "--seeds", "1", "--trials",
                "4", "--out", out.toString(), "--store", "memory");
        assertThatThrownBy(() -> Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random",
                "--seeds", "1", "--trials", "5", "--out", out.toString())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--trials").hasMessageContaining("--trials 4");
        assertThatThrownBy(() -> Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random",
                "--seeds", "1", "--trials", "4", "--out", out.toString(), "--anonymize"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("plain instances");
    }

    @Test
    void anonymizeRunsEveryProposerOfASeedOnTheSameHiddenInstance() throws Exception {
        Path out = dir.resolve("e");
        Evals.run("--suite", "synthetic", "--tasks", "hartmann3", "--proposers", "sobol,gp", "--seeds", "1",
                "--trials", "5", "--out", out.toString(), "--anonymize", "--store", "memory");
        List<JsonNode> lines = lines(out);
        assertThat(lines).allSatisfy(n -> assertThat(n.get("view").asText()).isEqualTo("anonymized"));
        // gp starts from the same Sobol design: the same instance gives the same first values on the own scale
        assertThat(lines.get(0).get("curve").get(0)).isEqualTo(lines.get(1).get("curve").get(0));
        assertThat(Files.readString(out.resolve("summary.md"))).contains("View of the test functions: **anonymized**");
    }

    @Test
    void badOptionsAreConfigErrorsNamingTheOption() {
        List<String> known = List.of("default", "random", "gp");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("--suite", "ml", "--proposers", "tpe", "--out", "x"), known))
                .hasMessageStartingWith("--proposers").hasMessageContaining("\"tpe\"");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("--suite", "ml", "--proposers", "gp"), known))
                .hasMessageStartingWith("--out");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("--suite", "ml", "--proposers", "gp", "--out", "x",
                "--llm", "replay"), known)).hasMessageStartingWith("--llm");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("--suite", "ml", "--proposers", "gp", "--out", "x",
                "--plain", "--anonymize"), known)).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> Evals.run("--suite", "synthetic", "--tasks", "sphere", "--proposers", "gp",
                "--out", "x")).hasMessageStartingWith("--tasks").hasMessageContaining("branin");
    }
}
