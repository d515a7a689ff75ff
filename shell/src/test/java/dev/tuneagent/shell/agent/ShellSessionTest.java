package dev.tuneagent.shell.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.agent.llm.standin.ScriptedProviderServer;
import dev.tuneagent.agent.llm.standin.ScriptedReply;
import dev.tuneagent.agent.llm.standin.ScriptedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive sessions typed line by line into the real application (Spring Shell's loop over a dumb terminal):
 * commands, sentences for the agent with the yes/no/edit question, and the wizard when no model is configured.
 */
class ShellSessionTest {
    @TempDir
    static Path home;
    @TempDir
    Path dir;

    @BeforeAll
    static void privateHistory() {
        System.setProperty("tune.history", home.resolve("history").toString());
    }

    @AfterAll
    static void clearHistory() {
        System.clearProperty("tune.history");
    }

    private static String task(int folds) {
        return "{\"task\": {\"name\": \"knn-wine\", \"objective\": {\"metric\": \"accuracy\", \"direction\": "
                + "\"maximize\"}, \"job\": {\"type\": \"inprocess\", \"dataset\": \"wine\", \"model\": \"knn\", \"folds\": "
                + folds + "}, \"budget\": {\"trials\": 2}}}";
    }

    /** A stand-in that behaves like a model following the conversation; it answers what came last. */
    static ScriptedReply script(ScriptedRequest r) {
        List<ScriptedRequest.Message> m = r.messages();
        boolean fromUser = m.get(m.size() - 1).role().equals("user");
        String user = r.lastUserText();
        String tool = r.lastToolResult();
        if (fromUser && user.contains("2 trials")) {
            return ScriptedReply.call("start_study", task(5));
        }
        if (fromUser && user.contains("how is it going")) {
            return ScriptedReply.call("study_status", "{\"study\": \"knn-wine\"}");
        }
        if (fromUser) {
            return ScriptedReply.text("I can tune models on data sets; which one?");
        }
        if (tool.startsWith("not started: the user wants this change before starting: use 3 folds")) {
            return ScriptedReply.call("start_study", task(3));
        }
        if (tool.startsWith("not started")) {
            return ScriptedReply.text("Nothing was started.");
        }
        if (tool.contains("finished after 2 of 2 trials")) {
            return ScriptedReply.text("Finished: " + tool.substring(tool.indexOf("best")));
        }
        if (tool.contains("\"finished\":2")) {
            return ScriptedReply.text("Both trials are done.");
        }
        return ScriptedReply.text("unexpected: " + tool);
    }

    @Test
    void sentencesGoToTheAgentWhichKeepsTheConversationAndStartsOnlyAfterYes() {
        String storage = "sqlite:" + dir.resolve("s.db");
        try (var server = ScriptedProviderServer.startWithReplies(ShellSessionTest::script)) {
            String typed = String.join("\n",
                    "tune knn on wine, 2 trials",
                    "edit",
                    "use 3 folds",
                    "yes",
                    "how is it going?",
                    "best knn-wine",
                    "what's this?",
                    "exit", "");
            Sessions.Result r = Sessions.tune(Sessions.standIn(server, "openai"), typed, "shell", "--storage", storage);
            String out = r.out();
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(out).contains("The assistant talks to openai:gpt-4o-mini.");
            // first proposal: shown, then "edit" sends the change back to the model
            assertThat(out).contains("The agent wants to start this study:", "job: {type: inprocess, dataset: wine, "
                    + "model: knn, folds: 5}", "Start this study? (yes/no/edit): ", "What should change? ");
            // second proposal has 3 folds and runs after yes, with the same progress lines as run
            assertThat(out).contains("job: {type: inprocess, dataset: wine, model: knn, folds: 3}",
                    "Study knn-wine: 2 trials, proposer gp, maximize accuracy (knn on wine, 3-fold CV)",
                    "Done: 2 complete", "agent: Finished: best accuracy ");
            assertThat(out).contains("  [tool] study_status {\"study\": \"knn-wine\"}", "agent: Both trials are done.");
            // a command still runs as a command, and an apostrophe does not open a quote
            assertThat(out).contains("Best: accuracy = ");
            assertThat(out).contains("agent: I can tune models on data sets; which one?");
            assertThat(out.indexOf("folds: 5")).isLessThan(out.indexOf("folds: 3"));
            assertThat(out.split("Study knn-wine: ", -1)).as("one study only").hasSize(2);
        }
    }

    @Test
    void noModelTheFirstScreenOffersTheWizardWhichBuildsAndRunsATask() {
        String storage = "sqlite:" + dir.resolve("w.db");
        String typed = String.join("\n",
                "tune a forest on wine",
                "wizard",
                "", "", "knn", "2",
                "maybe",
                "yes",
                "studies",
                "exit", "");
        Sessions.Result r = Sessions.tune(Sessions.noModel(), typed, "shell", "--storage", storage);
        String out = r.out();
        assertThat(r.code()).as(r.err()).isZero();
        String firstScreen = out.substring(0, out.indexOf("tune>"));
        assertThat(firstScreen).contains("No model is configured, so the assistant is off.",
                "export OPENAI_API_KEY=", "tune shell --model PROVIDER:NAME", "type `wizard`");
        assertThat(out).contains("No model is configured, so sentences cannot be answered. Type `wizard`");
        assertThat(out).contains("Data set [wine]: ", "Metric (accuracy, f1, log-loss) [accuracy]: ",
                "Budget: how many trials (1-1000) [30]: ", "Please answer yes/no/edit/save.",
                "Study knn-wine: 2 trials, proposer gp", "Done: 2 complete");
        assertThat(out).containsPattern("knn-wine +maximize accuracy +2/2");
    }

    @Test
    void theWizardWorksAsACommandAndNoStartsNothing() {
        Sessions.Result r = Sessions.tune(Sessions.noModel(), "iris\n\n\n3\nno\n", "wizard", "--storage",
                "sqlite:" + dir.resolve("n.db"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Target column: species", "name: random-forest-iris", "Not started.")
                .doesNotContain("Study random-forest-iris");
    }

    @Test
    void theShippedCassetteDrivesAShellSessionOfflineAndNoStartsNothing() {
        String typed = AskCommandTest.SENTENCE + "\nno\nexit\n";
        Sessions.Result r = Sessions.tune(Sessions.noModel(), typed, "shell", "--model", "openai:stand-in", "--cassette",
                "replay:" + AskCommandTest.SHIPPED, "--storage", "sqlite:" + dir.resolve("c.db"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("The agent wants to start this study:", "budget: {trials: 20}",
                "Start this study? (yes/no/edit): no", "Not started.",
                "agent: Nothing was started. What should change: another model, more or fewer trials, other folds?")
                .doesNotContain("Study rf-wine:");
    }

    @Test
    void aBadShellOptionIsAUsageError() {
        Sessions.Result r = Sessions.tune(Sessions.noModel(), "", "shell", "--modle", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("tune: shell: unknown option \"--modle\"");
    }
}
