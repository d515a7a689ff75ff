package dev.tuneagent.shell.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.shell.ExitCodes;

import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.agent.llm.standin.ScriptedReply;
import dev.tuneagent.core.task.TaskFileParser;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tune ask} end to end: offline replay of the shipped cassette, and live against the scripted stand-in. */
class AskCommandTest {
    static final Path SHIPPED = Path.of("..", "examples", "cassettes", "ask-wine").toAbsolutePath().normalize();
    static final String SENTENCE = "tune a random forest on the wine data set, 20 trials";
    static final String KNN = "{\"task\": {\"name\": \"knn-wine\", \"objective\": {\"metric\": \"accuracy\", "
            + "\"direction\": \"maximize\"}, \"job\": {\"type\": \"inprocess\", \"dataset\": \"wine\", \"model\": \"knn\","
            + " \"folds\": 2}, \"budget\": {\"trials\": 2}}}";

    @TempDir
    Path dir;

    @Test
    void theShippedCassetteTurnsTheSentenceIntoATaskFileWithoutAKeyAndNeverOverwritesIt() {
        Path out = dir.resolve("rf-wine.yaml");
        String[] args = {"ask", SENTENCE, "--model", "openai:stand-in", "--cassette", "replay:" + SHIPPED, "--out",
                out.toString()};
        Sessions.Result r = Sessions.tune(Sessions.noModel(), null, args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  [tool] profile_dataset {\"name\": \"wine\"}", "  [tool] start_study",
                "(4 model calls, ", "Task:\n  name: rf-wine\n", "Wrote " + out + ". Run it with: tune run " + out);
        TaskSpec written = new TaskFileParser().parse(out);
        assertThat(written.trials()).isEqualTo(20);
        assertThat(written.space().names()).contains("trees", "max_depth");

        Sessions.Result again = Sessions.tune(Sessions.noModel(), null, args);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("tune: ask: " + out + " already exists and was not overwritten (the task is "
                + "printed above); pass --force to overwrite it, or --out FILE to write another file\n");
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(Sessions.tune(Sessions.noModel(), null, forced).code()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void withYesTheStudyRunsLikeRunDoesAndATakenNameGetsASuffix(String provider) {
        String storage = "sqlite:" + dir.resolve("s.db");
        try (var server = ScriptedProviderServer.startWithReplies(r -> r.toolResults() == 0
                ? ScriptedReply.call("validate_task", KNN) : ScriptedReply.call("start_study", KNN))) {
            var env = Sessions.standIn(server, provider);
            Sessions.Result first = Sessions.tune(env, null, "ask", "knn on wine, 2 trials", "--yes", "--storage", storage);
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out()).contains("  [tool] validate_task", "Study knn-wine: 2 trials, proposer gp",
                    "Done: 2 complete");
            Sessions.Result second = Sessions.tune(env, null, "ask", "knn on wine, 2 trials", "--yes", "--storage", storage);
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out()).contains("(A study named knn-wine already exists in " + storage
                    + "; this one is knn-wine-2.)", "Study knn-wine-2: 2 trials");
        }
    }

    @Test
    void withYesATaskTheAgentOnlyValidatedIsSavedNotRun() {
        try (var server = ScriptedProviderServer.startWithReplies(r -> r.toolResults() == 0
                ? ScriptedReply.call("validate_task", KNN) : ScriptedReply.text("Here is the task."))) {
            Path out = dir.resolve("k.yaml");
            Sessions.Result r = Sessions.tune(Sessions.standIn(server, "openai"), null, "ask", "knn on wine", "--yes",
                    "--storage", "memory:", "--out", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).doesNotContain("Study knn-wine");
            assertThat(r.err()).isEqualTo("tune: ask: the agent validated a task but did not ask to start it, so --yes "
                    + "started nothing; the task is in " + out + "\n");
            assertThat(out).exists();
        }
    }

    @Test
    void aModelThatNeverCallsAToolStartsNothingAndExitsTwo() {
        try (var server = ScriptedProviderServer.startWithReplies(r -> ScriptedReply.text("Which data set do you mean?"))) {
            Sessions.Result r = Sessions.tune(Sessions.standIn(server, "openai"), null, "ask", "tune something",
                    "--storage", "memory:");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).contains("Agent: Which data set do you mean?");
            assertThat(r.err()).startsWith("tune: ask: the agent built no valid task, so nothing was started.");
        }
    }

    @Test
    void aModelThatLoopsIsCappedAndStartsNothing() {
        try (var server = ScriptedProviderServer.startWithReplies(r -> ScriptedReply.call("list_datasets", "{}"))) {
            Sessions.Result r = Sessions.tune(Sessions.standIn(server, "openai"), null, "ask", "loop", "--storage",
                    "memory:");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("tune: ask: the agent made 12 model calls without finishing; nothing was started.");
            assertThat(server.requestCount()).isEqualTo(12);
        }
    }

    @Test
    void withoutAModelAskSaysHowToConfigureOneAndOffersTheWizard() {
        Sessions.Result r = Sessions.tune(Sessions.noModel(), null, "ask", "tune a forest on wine");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("tune: ask: llm.model: no model configured: pass --model PROVIDER:NAME")
                .contains("`tune wizard`").doesNotContain("Exception");
    }

    @Test
    void aReplayThatDoesNotMatchIsAOneLineErrorNotAStackTrace() {
        Sessions.Result r = Sessions.tune(Sessions.noModel(), null, "ask", "something else entirely", "--model",
                "openai:stand-in", "--cassette", "replay:" + SHIPPED, "--storage", "memory:");
        assertThat(r.code()).as("a replay mismatch has its own exit code, as for run").isEqualTo(ExitCodes.REPLAY_MISMATCH);
        assertThat(r.err()).startsWith("tune: cassette replay: no recording in").doesNotContain("\tat ");
    }
}
