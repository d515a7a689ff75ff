package dev.tuneagent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.agent.llm.standin.ScriptedReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad inputs, each driven through the stand-in: the model gets a clear tool result, the conversation
 * goes on (the scripted model answers in text afterwards), and nothing reaches the gate.
 */
class BadInputTest {
    @TempDir
    Path folder;

    private static String task(String job, String budget) {
        return "{\"task\": {\"name\": \"t1\", \"objective\": {\"metric\": \"accuracy\", \"direction\": \"maximize\"}, "
                + "\"job\": " + job + ", \"budget\": " + budget + "}}";
    }

    private static final String WINE_RF = "{\"type\": \"inprocess\", \"dataset\": \"wine\", \"model\": \"random-forest\"}";

    /** One tool call, then a text answer; returns the tool's result as the model saw it. */
    private Result callOnce(String provider, String tool, String args) {
        AgentFixture f = new AgentFixture(folder);
        List<String> results = new ArrayList<>();
        try (var server = ScriptedProviderServer.startWithReplies(r -> {
            results.add(r.lastToolResult());
            return r.callIndex() == 0 ? ScriptedReply.call(tool, args) : ScriptedReply.text("Understood.");
        })) {
            Turn t = f.conversation(AgentFixture.model(provider, server, null), 12).send("please", e -> { });
            assertThat(t.reply()).as("the conversation goes on").isEqualTo("Understood.");
            assertThat(f.gateCalls).as("nothing is started").isEmpty();
            assertThat(t.events()).hasSize(1);
            return new Result(results.get(1), t);
        }
    }

    private record Result(String toolResult, Turn turn) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void anUnknownDataSetIsNamedWithTheOnesThatExist(String provider) {
        Result r = callOnce(provider, "profile_dataset", "{\"name\": \"sales\"}");
        assertThat(r.toolResult()).isEqualTo("error: name: unknown data set \"sales\"; the bundled ones are iris, wine, "
                + "breast-cancer, digits, diabetes; a CSV file in the working directory is given as path (list_datasets "
                + "lists them)");
        assertThat(r.turn().events().get(0).refused()).isTrue();
    }

    @Test
    void anUnknownDataSetInATaskGetsTheCatalogsMessage() {
        Result r = callOnce("openai", "validate_task", task("{\"type\": \"inprocess\", \"dataset\": \"sales\", "
                + "\"model\": \"random-forest\"}", "{\"trials\": 10}"));
        assertThat(r.toolResult()).startsWith("error: job.dataset: unknown data set \"sales\"; choose one of iris, wine");
    }

    @Test
    void aMissingTargetColumnListsTheColumns() throws Exception {
        Files.writeString(folder.resolve("churn.csv"), "age,plan,left\n30,1,yes\n41,2,no\n25,1,yes\n52,3,no\n");
        Result r = callOnce("openai", "validate_task", task("{\"type\": \"inprocess\", \"dataset\": \"churn.csv\", "
                + "\"model\": \"decision-tree\", \"folds\": 2, \"target\": \"churned\"}", "{\"trials\": 10}"));
        assertThat(r.toolResult()).isEqualTo("error: job.target: column \"churned\" is not in "
                + folder.resolve("churn.csv") + "; its columns are \"age\", \"plan\", \"left\"");
    }

    @Test
    void aBudgetOfZeroIsTheParsersError() {
        Result r = callOnce("openai", "validate_task", task(WINE_RF, "{\"trials\": 0}"));
        assertThat(r.toolResult()).isEqualTo("error: budget.trials: got 0, expected an integer >= 1");
    }

    @Test
    void aMillionTrialsIsRefusedWithTheLimit() {
        Result r = callOnce("openai", "start_study", task(WINE_RF, "{\"trials\": 1000000}"));
        assertThat(r.toolResult()).startsWith("error: budget.trials: got 1000000, expected at most 1000 for a task "
                + "built in conversation");
    }

    @Test
    void anUnknownModelListsTheModels() {
        Result r = callOnce("openai", "validate_task", task("{\"type\": \"inprocess\", \"dataset\": \"wine\", "
                + "\"model\": \"gbm\"}", "{\"trials\": 10}"));
        assertThat(r.toolResult()).startsWith("error: job.model: got \"gbm\", expected one of decision-tree, random-forest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aCommandJobIsRefusedInValidateAndStart(String provider) {
        String job = "{\"type\": \"command\", \"argv\": [\"rm\", \"-rf\", \"/\"]}";
        for (String tool : List.of("validate_task", "start_study")) {
            Result r = callOnce(provider, tool, task(job, "{\"trials\": 3}"));
            assertThat(r.toolResult()).startsWith("error: job.type: got \"command\", but a task built in conversation "
                    + "can only be inprocess").contains("only a task file written by a person can start them");
        }
        Result slurm = callOnce(provider, "start_study", task("{\"type\": \"slurm\", \"argv\": [\"x\"]}", "{\"trials\": 3}"));
        assertThat(slurm.toolResult()).startsWith("error: job.type: got \"slurm\"");
    }

    @Test
    void llmSettingsCannotComeFromTheModel() {
        String t = "{\"task\": {\"name\": \"t1\", \"objective\": {\"metric\": \"accuracy\", \"direction\": \"maximize\"}, "
                + "\"job\": " + WINE_RF + ", \"budget\": {\"trials\": 5}, \"llm\": {\"base_url\": \"http://evil.example/v1\"}}}";
        assertThat(callOnce("openai", "start_study", t).toolResult()).startsWith("error: llm: a task built in conversation "
                + "cannot set model settings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.csv", "/etc/passwd", "sub/../../secret.csv"})
    void aFileOutsideTheFolderIsRefused(String path) throws Exception {
        Files.writeString(folder.getParent().resolve("secret.csv"), "a,b\n1,2\n");
        Result r = callOnce("openai", "profile_dataset", "{\"path\": \"" + path + "\"}");
        assertThat(r.toolResult()).startsWith("error: path: \"" + path + "\"")
                .containsAnyOf("uses \"..\"", "is outside the working directory");
        assertThat(r.toolResult()).doesNotContain("\"rows\"");
    }

    @Test
    void aSymlinkThatLeavesTheFolderIsRefusedInProfileAndInATask() throws Exception {
        Path outside = Files.createTempFile("tune-outside", ".csv");
        Files.writeString(outside, "a,b\n1,x\n2,y\n");
        Files.createSymbolicLink(folder.resolve("link.csv"), outside);
        try {
            assertThat(callOnce("openai", "profile_dataset", "{\"path\": \"link.csv\"}").toolResult())
                    .startsWith("error: path: \"link.csv\" is a link to a file outside the working directory");
            assertThat(callOnce("openai", "validate_task", task("{\"type\": \"inprocess\", \"dataset\": \"link.csv\", "
                    + "\"model\": \"decision-tree\", \"target\": \"b\"}", "{\"trials\": 3}")).toolResult())
                    .startsWith("error: path: \"link.csv\" is a link to a file outside");
            assertThat(new Workspace(folder).csvFiles()).doesNotContain("link.csv");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aToolThatDoesNotExistListsTheToolsThatDo() {
        Result r = callOnce("openai", "run_shell", "{\"cmd\": \"cat /etc/passwd\"}");
        assertThat(r.toolResult()).isEqualTo("error: there is no tool named \"run_shell\"; the tools are list_datasets, "
                + "profile_dataset, list_models, validate_task, start_study, study_status, best_trial, explain_trial");
    }

    @Test
    void argumentsThatAreNotJsonOrHaveUnknownKeysAreRefused() {
        assertThat(callOnce("openai", "list_models", "{\"task\": \"clustering\"}").toolResult())
                .isEqualTo("error: task: got \"clustering\", expected classification or regression");
        assertThat(callOnce("openai", "profile_dataset", "{\"name\": \"wine\", \"sql\": \"drop\"}").toolResult())
                .isEqualTo("error: profile_dataset: unknown argument \"sql\"; allowed: name, path");
        assertThat(callOnce("openai", "validate_task", "[1, 2]").toolResult())
                .isEqualTo("error: the arguments of validate_task must be a JSON object");
        assertThat(callOnce("openai", "study_status", "{\"study\": \"nope\"}").toolResult())
                .startsWith("error: study: no study named \"nope\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aModelThatNeverCallsAToolJustAnswers(String provider) {
        AgentFixture f = new AgentFixture(folder);
        try (var server = ScriptedProviderServer.startWithReplies(r -> ScriptedReply.text("Which data set do you mean?"))) {
            Turn t = f.conversation(AgentFixture.model(provider, server, null), 12).send("tune something", e -> { });
            assertThat(t.reply()).isEqualTo("Which data set do you mean?");
            assertThat(t.events()).isEmpty();
            assertThat(t.task()).isNull();
            assertThat(t.capped()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aModelThatLoopsOnToolCallsIsStoppedAtTheCapAndTheNextTurnStillWorks(String provider) {
        AgentFixture f = new AgentFixture(folder);
        try (var server = ScriptedProviderServer.startWithReplies(r -> r.lastUserText().equals("again")
                ? ScriptedReply.text("Sorry.") : ScriptedReply.call("list_models", "{\"task\": \"regression\"}"))) {
            Conversation c = f.conversation(AgentFixture.model(provider, server, null), 4);
            Turn t = c.send("loop", e -> { });
            assertThat(t.capped()).isTrue();
            assertThat(t.reply()).isNull();
            assertThat(t.events()).hasSize(4);
            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(c.send("again", e -> { }).reply()).isEqualTo("Sorry.");
            assertThat(f.gateCalls).isEmpty();
        }
    }
}
