package dev.tuneagent.evals.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuneagent.agent.llm.cassette.ExchangeFiles;
import dev.tuneagent.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays the shipped recordings (evals/recordings/synthetic, made against the scripted stand-in). */
class ReplayTest {
    static final Path SHIPPED = Path.of("recordings/synthetic").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : Files.readAllLines(file)) {
            l.add(JSON.readTree(s));
        }
        return l;
    }

    private static JsonNode cell(List<JsonNode> lines, String task, String proposer, int seed) {
        return lines.stream().filter(n -> n.get("task").asText().equals(task) && n.get("proposer").asText()
                .equals(proposer) && n.get("seed").asInt() == seed).findFirst().orElseThrow();
    }

    @Test
    void aReplayReproducesTheRecordedCellsExactlyWhateverTheEnvironmentSays() throws Exception {
        Path out = dir.resolve("e");
        // A base URL in the environment must not change the requests (and so the reply format) of a replay.
        Evals e = Evals.run(Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1", "OPENAI_API_KEY", "sk-test-0000"),
                "--suite", "synthetic", "--tasks", "branin", "--proposers", "hybrid,llambo", "--seeds", "1",
                "--trials", "30", "--out", out.toString(), "--llm", "replay:" + SHIPPED, "--store", "memory");
        List<JsonNode> recorded = lines(SHIPPED.resolve("recorded-results.jsonl"));
        for (String p : List.of("hybrid", "llambo")) {
            JsonNode now = cell(lines(out.resolve("results.jsonl")), "branin", p, 0);
            JsonNode then = cell(recorded, "branin", p, 0);
            assertThat(now.get("status").asText()).as(now.toString()).isEqualTo("ok");
            assertThat(now.get("fallbacks").asInt()).isZero();
            assertThat(now.get("calls").asInt()).isPositive();
            for (String f : List.of("best", "curve", "calls", "tokens", "fallbacks", "model", "view")) {
                assertThat(now.get(f)).as(p + " " + f).isEqualTo(then.get(f));
            }
            assertThat(now.get("cassette").asText()).startsWith("replay:").endsWith("branin/" + p + "-s0");
        }
        assertThat(e.failed).isZero();
        assertThat(e.printed()).contains("replayed from recordings (no network)").contains("Not a real model")
                .contains("no model quality is measured");
    }

    @Test
    void recordingACellAgainMovesItsEarlierUnfinishedRecordingAsideInsteadOfAppendingToIt() throws Exception {
        Path rec = dir.resolve("rec");
        Path cell = Files.createDirectories(rec.resolve("branin/hybrid-s0"));
        Files.writeString(cell.resolve("exchange-0000.json"), "{\"left by\": \"a killed eval\"}\n");
        Path out = dir.resolve("e");
        // Nothing listens on port 9: the model calls fail (and fall back), so nothing new is recorded.
        Evals.run(Map.of("OPENAI_API_KEY", "sk-test-0000", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"),
                "--suite", "synthetic", "--tasks", "branin", "--proposers", "hybrid", "--seeds", "1", "--trials", "2",
                "--out", out.toString(), "--model", "openai:stand-in", "--llm", "record:" + rec, "--store", "memory");
        assertThat(rec.resolve("branin/hybrid-s0.interrupted-1/exchange-0000.json"))
                .hasContent("{\"left by\": \"a killed eval\"}");
        assertThat(rec.resolve("branin/hybrid-s0/exchange-0000.json")).doesNotExist();
    }

    @Test
    void aCellWithoutItsRecordingFailsWithTheReasonAndTheOtherCellsRunOn() throws Exception {
        Path rec = dir.resolve("rec");
        Files.createDirectories(rec.resolve("branin"));
        Files.copy(SHIPPED.resolve(Recordings.FILE), rec.resolve(Recordings.FILE));
        copyDir(SHIPPED.resolve("branin/hybrid-s0"), rec.resolve("branin/hybrid-s0"));
        Path out = dir.resolve("e");
        Evals e = Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random,hybrid", "--seeds", "2",
                "--trials", "30", "--out", out.toString(), "--llm", "replay:" + rec, "--store", "memory");
        List<JsonNode> lines = lines(out.resolve("results.jsonl"));
        assertThat(cell(lines, "branin", "hybrid", 0).get("status").asText()).isEqualTo("ok");
        JsonNode missing = cell(lines, "branin", "hybrid", 1);
        assertThat(missing.get("status").asText()).isEqualTo("failed");
        assertThat(missing.get("reason").asText()).contains("no recording for this cell").contains("hybrid-s1");
        assertThat(cell(lines, "branin", "random", 1).get("status").asText()).isEqualTo("ok");
        assertThat(e.failed).isEqualTo(1);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("## Failed and skipped cells");
    }

    @Test
    void aCassetteMissInTheMiddleOfACellFailsThatCellInsteadOfFallingBackToTheGp() throws Exception {
        Path rec = dir.resolve("rec");
        Files.createDirectories(rec.resolve("branin"));
        Files.copy(SHIPPED.resolve(Recordings.FILE), rec.resolve(Recordings.FILE));
        Path cell = rec.resolve("branin/hybrid-s0");
        unpack(SHIPPED.resolve("branin/hybrid-s0"), cell);
        // Tamper with the fifth recorded request: the replayed study sends the original one, which now matches nothing.
        Path fifth = cell.resolve("exchange-0005.json");
        ObjectNode exchange = (ObjectNode) JSON.readTree(fifth.toFile());
        ((ObjectNode) exchange.get("request").get("body")).put("temperature", 1.234);
        Files.writeString(fifth, exchange.toPrettyString());
        Path out = dir.resolve("e");
        Evals e = Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "random,hybrid", "--seeds", "1",
                "--trials", "30", "--out", out.toString(), "--llm", "replay:" + rec, "--store", "memory");
        List<JsonNode> lines = lines(out.resolve("results.jsonl"));
        JsonNode hybrid = cell(lines, "branin", "hybrid", 0);
        assertThat(hybrid.get("status").asText()).isEqualTo("failed");
        assertThat(hybrid.get("reason").asText()).startsWith("cassette miss:");
        assertThat(cell(lines, "branin", "random", 0).get("status").asText()).isEqualTo("ok");
        assertThat(e.failed).isEqualTo(1);
    }

    @Test
    void aReplayRefusesAModelOtherThanTheRecordedOne() {
        assertThatThrownBy(() -> Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "hybrid",
                "--seeds", "1", "--trials", "30", "--out", dir.resolve("e").toString(), "--llm", "replay:" + SHIPPED,
                "--model", "openai:gpt-4o-mini")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--model").hasMessageContaining("openai:stand-in");
    }

    @Test
    void aReplayDirectoryWithoutAManifestIsAConfigError() {
        assertThatThrownBy(() -> Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "hybrid",
                "--seeds", "1", "--trials", "30", "--out", dir.resolve("e").toString(), "--llm",
                "replay:" + dir.resolve("nothing"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--llm").hasMessageContaining("recording.json");
    }

    @Test
    void anLlmProposerMakesTheSyntheticSuiteAnonymizedByDefault() throws Exception {
        Path out = dir.resolve("e");
        Evals.run("--suite", "synthetic", "--tasks", "branin", "--proposers", "hybrid", "--seeds", "1", "--trials",
                "30", "--out", out.toString(), "--llm", "replay:" + SHIPPED, "--store", "memory");
        assertThat(lines(out.resolve("results.jsonl")).get(0).get("view").asText()).isEqualTo("anonymized");
        // the prompts the model saw never name the function nor its box
        List<JsonNode> exchanges = shipped("branin/hybrid-s0");
        assertThat(exchanges).hasSizeGreaterThan(10);
        for (JsonNode exchange : exchanges) {
            String body = exchange.get("request").toString().toLowerCase();
            assertThat(body).doesNotContain("branin").doesNotContain("[-5").contains("x1");
        }
    }

    @Test
    void everyFunctionIsRecordedForBothLlmProposersAndEverySeedByTheHonestlyLabelledStandIn() throws Exception {
        List<JsonNode> recorded = lines(SHIPPED.resolve("recorded-results.jsonl"));
        assertThat(recorded).hasSize(7 * 2 * 5);
        for (JsonNode line : recorded) {
            String cell = line.get("task").asText() + "/" + line.get("proposer").asText() + "-s" + line.get("seed").asInt();
            assertThat(line.get("status").asText()).as(cell).isEqualTo("ok");
            List<JsonNode> exchanges = shipped(cell);
            // a cell's recording holds exactly the calls its recorded result counts
            assertThat(exchanges).as(cell).hasSize(line.get("calls").asInt());
            assertThat(exchanges).allSatisfy(x -> assertThat(x.get("recorded_with").asText())
                    .startsWith("ScriptedProviderServer").contains("Not a real model"));
        }
    }

    /** The exchanges of a shipped cell (packed as exchanges.json.gz, see docs/eval.md). */
    private static List<JsonNode> shipped(String cell) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SHIPPED.resolve(cell))) {
            for (Path f : files.filter(ExchangeFiles::isExchange).toList()) {
                out.addAll(ExchangeFiles.readTrees(f));
            }
        }
        return out;
    }

    /** Writes a shipped cell's exchanges back as plain exchange-NNNN.json files, as recording wrote them. */
    private static void unpack(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (JsonNode exchange : shipped(SHIPPED.relativize(from).toString())) {
            Files.writeString(to.resolve(String.format("exchange-%04d.json", exchange.get("sequence").asInt())),
                    exchange.toPrettyString());
        }
    }

    private static void copyDir(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
