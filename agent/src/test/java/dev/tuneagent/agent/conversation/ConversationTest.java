package dev.tuneagent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.agent.llm.standin.ScriptedReply;
import dev.tuneagent.agent.llm.standin.ScriptedRequest;
import dev.tuneagent.core.task.InProcessJobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tool-calling loop against a real HTTP stand-in, in OpenAI's tool_calls and Anthropic's tool_use formats. */
class ConversationTest {
    static final String WINE_TASK = "{\"task\": {\"name\": \"rf-wine\", \"objective\": {\"metric\": \"accuracy\", "
            + "\"direction\": \"maximize\"}, \"job\": {\"type\": \"inprocess\", \"dataset\": \"wine\", \"model\": "
            + "\"random-forest\", \"folds\": 5}, \"budget\": {\"trials\": 20}}}";

    @TempDir
    Path folder;

    /** Replies in order, one per model call; the last one repeats. */
    static Function<ScriptedRequest, ScriptedReply> script(ScriptedReply... replies) {
        return r -> replies[Math.min(r.callIndex(), replies.length - 1)];
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aSentenceBecomesAValidatedTaskAndAStartRequestThatWaitsForThePerson(String provider) {
        AgentFixture f = new AgentFixture(folder);
        List<String> seen = new ArrayList<>();
        try (var server = ScriptedProviderServer.startWithReplies(r -> {
            seen.add(r.lastToolResult());
            return switch (r.callIndex()) {
                case 0 -> ScriptedReply.call("profile_dataset", "{\"name\": \"wine\"}");
                case 1 -> ScriptedReply.call("validate_task", WINE_TASK);
                default -> ScriptedReply.call("start_study", WINE_TASK);
            };
        })) {
            Conversation c = f.conversation(AgentFixture.model(provider, server, null), 12);
            List<ToolEvent> live = new ArrayList<>();
            Turn turn = c.send("tune a random forest on the wine data, 20 trials", live::add);

            assertThat(turn.events()).extracting(ToolEvent::tool)
                    .containsExactly("profile_dataset", "validate_task", "start_study");
            assertThat(live).isEqualTo(turn.events());
            assertThat(turn.events()).noneMatch(ToolEvent::refused);
            assertThat(seen.get(1)).contains("\"rows\":178").contains("\"target\":\"cultivar\"").contains("class_counts");
            assertThat(seen.get(2)).startsWith("valid.").contains("name: rf-wine").contains("trees:");
            assertThat(turn.deferredStart()).isTrue();
            assertThat(turn.task().name()).isEqualTo("rf-wine");
            assertThat(turn.task().space()).as("default space filled in").isNotNull();
            assertThat(f.gateCalls).hasSize(1);
            assertThat(server.requestCount()).as("the turn ends at a deferred start: no further model call").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void theConversationIsKeptAcrossTurns(String provider) {
        AgentFixture f = new AgentFixture(folder);
        List<Integer> messageCounts = new ArrayList<>();
        try (var server = ScriptedProviderServer.startWithReplies(r -> {
            messageCounts.add(r.messages().size());
            return r.callIndex() == 0 ? ScriptedReply.call("validate_task", WINE_TASK)
                    : ScriptedReply.text(r.callIndex() == 1 ? "The task is valid." : "Now with 3 folds.");
        })) {
            Conversation c = f.conversation(AgentFixture.model(provider, server, null), 12);
            assertThat(c.send("random forest on wine", e -> { }).reply()).isEqualTo("The task is valid.");
            Turn second = c.send("use 3 folds", e -> { });
            assertThat(second.reply()).isEqualTo("Now with 3 folds.");
            assertThat(second.task()).as("the validated task is remembered").isNotNull();
            // system + user, then + assistant call + tool result, then + assistant text + the second user message
            assertThat(messageCounts).containsExactly(2, 4, 6);
            assertThat(f.gateCalls).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aDeclinedStartGoesBackToTheModelAndNothingRuns(String provider) {
        AgentFixture f = new AgentFixture(folder);
        f.answer = new StudyGate.Declined("the user said no and asks: use xgboost instead");
        List<String> results = new ArrayList<>();
        try (var server = ScriptedProviderServer.startWithReplies(r -> {
            results.add(r.lastToolResult());
            return r.callIndex() == 0 ? ScriptedReply.call("start_study", WINE_TASK) : ScriptedReply.text("Switching.");
        })) {
            Turn t = f.conversation(AgentFixture.model(provider, server, null), 12).send("go", e -> { });
            assertThat(results.get(1)).isEqualTo("not started: the user said no and asks: use xgboost instead");
            assertThat(t.reply()).isEqualTo("Switching.");
            assertThat(t.deferredStart()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aCsvInTheFolderIsProfiledWithTargetCandidatesAndUsedByRelativePath(String provider) throws Exception {
        Files.writeString(folder.resolve("churn.csv"), "age,plan,churned\n30,1,yes\n41,2,no\n25,1,yes\n52,3,no\n"
                + "33,2,no\n47,1,yes\n29,3,no\n38,2,yes\n44,1,no\n36,3,yes\n");
        AgentFixture f = new AgentFixture(folder);
        String task = "{\"task\": {\"name\": \"churn\", \"objective\": {\"metric\": \"f1\", \"direction\": \"maximize\"},"
                + " \"job\": {\"type\": \"inprocess\", \"dataset\": \"churn.csv\", \"model\": \"decision-tree\","
                + " \"folds\": 2, \"target\": \"churned\"}, \"budget\": {\"trials\": 5}}}";
        List<String> results = new ArrayList<>();
        try (var server = ScriptedProviderServer.startWithReplies(r -> {
            results.add(r.lastToolResult());
            return switch (r.callIndex()) {
                case 0 -> ScriptedReply.call("list_datasets", "{}");
                case 1 -> ScriptedReply.call("profile_dataset", "{\"path\": \"churn.csv\"}");
                case 2 -> ScriptedReply.call("validate_task", task);
                default -> ScriptedReply.text("ok");
            };
        })) {
            Turn t = f.conversation(AgentFixture.model(provider, server, null), 12).send("churn", e -> { });
            assertThat(results.get(1)).contains("\"path\":\"churn.csv\"").contains("\"rows\":10");
            assertThat(results.get(2)).contains("\"target_candidates\"").contains("{\"column\":\"churned\","
                    + "\"task\":\"classification\",\"class_counts\":{\"yes\":5,\"no\":5}}");
            assertThat(results.get(3)).startsWith("valid.").contains("dataset: churn.csv").contains("target: churned");
            assertThat(((InProcessJobSpec) t.task().job()).dataset()).isEqualTo(folder.resolve("churn.csv").toString());
        }
    }
}
