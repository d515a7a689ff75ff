package dev.tuneagent.shell;

import static dev.tuneagent.shell.fixtures.Cli.assertOneLineError;
import static dev.tuneagent.shell.fixtures.Cli.tune;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialOutcome;
import dev.tuneagent.shell.fixtures.Cli.Result;
import dev.tuneagent.shell.fixtures.StudyFixtures;
import dev.tuneagent.shell.fixtures.Tasks;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plot}, {@code explain} and {@code export} on a store whose trials carry the documented attributes. */
class ViewCommandsTest {
    @TempDir
    Path dir;
    String storage;

    /** Study "s": #0 a GP trial with its acquisition, #1 an LLM trial with candidates, #2 failed, #3 a re-run, #4.. GP. */
    @BeforeEach
    void store() {
        storage = "sqlite:" + dir.resolve("t.db");
        try (StudyStore store = StudyStores.open(StorageLocation.parse(storage))) {
            store.createStudy(StudyFixtures.definition("s", 8));
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            add(store, 0, Provenance.of("gp", 100), TrialAttrs.of(TrialAttrs.ACQUISITION, Map.of("name", "logei", "value", -1.75)),
                    TrialOutcome.complete(0.81, Map.of()), t);
            add(store, 1, new Provenance("hybrid", "v1", "openai:gpt-4o-mini", 101, null, 1500, 120, 0.0009),
                    TrialAttrs.of(TrialAttrs.CANDIDATES, List.of(
                            Map.of("params", StudyFixtures.params(1), "score", -0.5, "scorer", "gp-logei"),
                            Map.of("params", StudyFixtures.params(7), "score", -3.25, "scorer", "gp-logei"))),
                    TrialOutcome.complete(0.9, Map.of()), t);
            add(store, 2, Provenance.of("sobol", 102).withFallback("hybrid failed: the reply had no JSON object"), Map.of(),
                    TrialOutcome.failed("exit code 1, \"bad\"\nsecond line"), t);
            add(store, 3, Provenance.of("sobol", 102).withFallback("re-run of interrupted trial 2"),
                    TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_RERUN, TrialAttrs.RERUN_OF, 2),
                    TrialOutcome.complete(0.7, Map.of()), t);
            for (int i = 4; i < 8; i++) {
                add(store, i, Provenance.of("gp", 100 + i), Map.of(), TrialOutcome.complete(0.6 + 0.05 * i, Map.of()), t);
            }
            store.createStudy(StudyFixtures.definition("empty", 3));
        }
    }

    private static void add(StudyStore store, int i, Provenance p, Map<String, Object> attrs, TrialOutcome outcome, Instant t) {
        var trial = store.startTrial("s", new Proposal(StudyFixtures.params(i), p, attrs), t.plusSeconds(10L * i));
        store.finishTrial("s", trial.number(), outcome, t.plusSeconds(10L * i + 2));
    }

    @Test
    void explainTellsWhyEachTrialWasProposedInTextAndJson() throws Exception {
        Result llm = tune("explain", "s", "1", "--storage", storage);
        assertThat(llm.code()).as(llm.err()).isZero();
        assertThat(llm.out()).contains("Trial #1 of study s", "Outcome:     COMPLETE, accuracy = 0.9 (maximize; a new best",
                "Proposer:    hybrid  (model openai:gpt-4o-mini, prompt v1, seed 101)", "Fallback:    none",
                "LLM usage:   1500 input + 120 output tokens, $0.0009",
                "Candidates:  2 ranked by gp-logei; the first was chosen (score: the GP's log expected improvement)")
                .containsPattern("1\\s+-0.5\\s+trees=30 lr=0.02 criterion=entropy")
                .containsPattern("2\\s+-3.25\\s+trees=150");
        assertThat(tune("explain", "s", "0", "--storage", storage).out())
                .contains("Acquisition: logei = -1.75").doesNotContain("Origin:");
        assertThat(tune("explain", "s", "2", "--storage", storage).out())
                .contains("Outcome:     FAILED: exit code 1, \"bad\"", "Fallback:    hybrid failed: the reply had no JSON object");
        assertThat(tune("explain", "s", "3", "--storage", storage).out()).contains("Origin:      a re-run of interrupted trial #2");

        JsonNode j = new ObjectMapper().readTree(tune("explain", "s", "1", "--storage", storage, "--json").out());
        assertThat(j.get("proposer").asText()).isEqualTo("hybrid");
        assertThat(j.get("prompt_version").asText()).isEqualTo("v1");
        assertThat(j.get("candidates")).hasSize(2);
        assertThat(j.get("candidates").get(0).get("scorer").asText()).isEqualTo("gp-logei");
        assertThat(j.get("usage").get("output_tokens").asInt()).isEqualTo(120);
        JsonNode rerun = new ObjectMapper().readTree(tune("explain", "s", "3", "--storage", storage, "--json").out());
        assertThat(rerun.get("origin").asText()).isEqualTo("rerun");
        assertThat(rerun.get("rerun_of").asInt()).isEqualTo(2);

        assertOneLineError(tune("explain", "s", "8", "--storage", storage), ExitCodes.NOT_FOUND, "no trial #8", "#0 to #7");
        assertOneLineError(tune("explain", "nope", "1", "--storage", storage), ExitCodes.NOT_FOUND, "no study named \"nope\"");
        assertOneLineError(tune("explain", "s", "one", "--storage", storage), ExitCodes.USAGE,
                "--trial: got \"one\", expected a trial number");
        assertOneLineError(tune("demo", "many"), ExitCodes.USAGE, "\"many\" is not a valid Integer"); // positional: converted late
    }

    @Test
    void plotWritesATwoPanelPngAndATextChart() throws Exception {
        Path png = dir.resolve("s.png");
        Result r = tune("plot", "s", "--out", png.toString(), "--storage", storage);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote " + png, "7 complete and 1 failed");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1440);
        assertThat(img.getHeight()).isEqualTo(480);
        Set<Integer> colors = new HashSet<>();
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                colors.add(img.getRGB(x, y));
            }
        }
        assertThat(colors).as("not blank: axes, text, points, bars").hasSizeGreaterThan(20);
        // The failed-trial red and the bar blue are both drawn.
        assertThat(colors.stream().anyMatch(c -> near(c, 0xC44E52))).isTrue();
        assertThat(colors.stream().anyMatch(c -> near(c, 0x4C72B0))).isTrue();

        Result text = tune("plot", "s", "--terminal", "--storage", storage);
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("s: maximize accuracy, 8 trials (7 complete, 1 failed)\n")
                .contains("* best so far", "Importance (share of rank variance explained alone):", "trees", "lr", "criterion");
        assertThat(text.out().lines().filter(l -> l.contains("+-")).findFirst().orElseThrow()).contains("x");
    }

    private static boolean near(int rgb, int target) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs(((rgb >> shift) & 0xFF) - ((target >> shift) & 0xFF));
        }
        return d < 12;
    }

    @Test
    void plotErrorsAreOneLineWithTheDocumentedCodes() throws Exception {
        assertOneLineError(tune("plot", "nope", "--out", dir.resolve("x.png").toString(), "--storage", storage),
                ExitCodes.NOT_FOUND, "no study named \"nope\"");
        assertOneLineError(tune("plot", "empty", "--out", dir.resolve("x.png").toString(), "--storage", storage),
                ExitCodes.NOT_FOUND, "study \"empty\" has no COMPLETE trial yet");
        assertOneLineError(tune("plot", "s", "--out", dir.resolve("no/such/dir/x.png").toString(), "--storage", storage),
                ExitCodes.USAGE, "--out: cannot write", "does not exist");
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        if (readOnly.toFile().setWritable(false) && !Files.isWritable(readOnly)) { // root can write anywhere
            assertOneLineError(tune("plot", "s", "--out", readOnly.resolve("x.png").toString(), "--storage", storage),
                    ExitCodes.USAGE, "--out: cannot write");
        }
        assertOneLineError(tune("plot", "s", "--out", dir.toString() + "/", "--storage", storage), ExitCodes.USAGE,
                "expected a file name ending in .png");
        assertOneLineError(tune("plot", "s", "--out", Files.createDirectories(dir.resolve("d.png")).toString(), "--storage",
                storage), ExitCodes.USAGE, "it is a directory");
        assertOneLineError(tune("plot", "s", "--storage", storage), ExitCodes.USAGE, "--out FILE.png is required");
        assertOneLineError(tune("plot", "s", "--terminal", "--out", "x.png", "--storage", storage), ExitCodes.USAGE,
                "give one of them");
        assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
    }

    @Test
    void exportWritesCsvJsonAndTheTaskAsYamlThatRunsAgain() throws Exception {
        Result csv = tune("export", "s", "--format", "csv", "--storage", storage);
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = List.of(csv.out().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("number,state,value,trees,lr,criterion,proposer,fallback,duration_s,message");
        assertThat(lines.get(1)).isEqualTo("0,COMPLETE,0.81,10,0.01,gini,gp,,2,");
        assertThat(csv.out()).contains("2,FAILED,,50,0.03,gini,sobol,hybrid failed: the reply had no JSON object,2,"
                + "\"exit code 1, \"\"bad\"\"\nsecond line\"\r\n");

        Path json = dir.resolve("s.json");
        Result j = tune("export", "s", "--format", "json", "--out", json.toString(), "--storage", storage);
        assertThat(j.out()).isEqualTo("Wrote 8 trials of study s (json) to " + json + "\n");
        JsonNode trials = new ObjectMapper().readTree(json.toFile());
        assertThat(trials).hasSize(8);
        assertThat(trials.get(3).get("attrs").get("rerun_of").asInt()).isEqualTo(2);
        assertThat(trials.get(2).get("state").asText()).isEqualTo("FAILED");

        assertOneLineError(tune("export", "s", "--format", "xml", "--storage", storage), ExitCodes.USAGE,
                "--format: got \"xml\", expected csv, json or yaml");
        assertOneLineError(tune("export", "s", "--storage", storage), ExitCodes.USAGE, "--format is required");
        assertOneLineError(tune("export", "s", "--format", "yaml", "--storage", storage), ExitCodes.USAGE,
                "was not created from a task file");
        assertOneLineError(tune("export", "nope", "--format", "csv", "--storage", storage), ExitCodes.NOT_FOUND, "nope");

        // A study made by `tune run`: its task comes back as YAML, and `tune run` accepts that file.
        Result run = tune("run", Tasks.quadratic(dir, "quad", 2).toString(), "--storage", storage);
        assertThat(run.code()).as(run.err()).isZero();
        Path yaml = dir.resolve("again.yaml");
        assertThat(tune("export", "quad", "--format", "yaml", "--out", yaml.toString(), "--storage", storage).out())
                .contains("run it again with: tune run " + yaml + " --name NEW_NAME");
        assertThat(Files.readString(yaml)).contains("name: quad", "type: command", "trials: 2", "proposer: sobol", "seed: 3");
        Result again = tune("run", yaml.toString(), "--name", "quad2", "--storage", storage);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(tune("export", "quad2", "--format", "csv", "--storage", storage).out().split("\r\n")[1])
                .as("same seed, same proposer: the same first configuration")
                .startsWith(tune("export", "quad", "--format", "csv", "--storage", storage).out().split("\r\n")[1]
                        .substring(0, 12));
    }
}
