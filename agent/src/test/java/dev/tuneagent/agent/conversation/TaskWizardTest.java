package dev.tuneagent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskWizardTest {
    @TempDir
    Path folder;

    /** Answers from a list; null (end of input) once it runs out. Records the whole exchange. */
    static final class Script implements Prompter {
        final Deque<String> answers;
        final List<String> transcript = new ArrayList<>();

        Script(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String ask(String question) {
            String a = answers.poll();
            transcript.add(question + (a == null ? "<end of input>" : a));
            return a;
        }

        @Override
        public void say(String line) {
            transcript.add(line);
        }
    }

    private Optional<TaskWizard.Result> run(Script s) {
        AgentFixture f = new AgentFixture(folder);
        return new TaskWizard(f.tasks, AgentFixture.CATALOG, s).run(null);
    }

    @Test
    void enterEverywhereGivesTheDefaultsWhichAreShownInBrackets() {
        Script s = new Script("", "", "", "");
        TaskSpec t = run(s).orElseThrow().task();
        assertThat(t.name()).isEqualTo("random-forest-wine");
        assertThat(t.metric()).isEqualTo("accuracy");
        assertThat(t.trials()).isEqualTo(30);
        assertThat(((InProcessJobSpec) t.job()).folds()).isEqualTo(5);
        assertThat(t.space()).isNotNull();
        assertThat(s.transcript).contains("Data set [wine]: ",
                "Target column: cultivar (classification; fixed for a bundled data set)",
                "Metric (accuracy, f1, log-loss) [accuracy]: ",
                "Budget: how many trials (1-1000) [30]: ");
        assertThat(s.transcript).anyMatch(l -> l.startsWith("Model (decision-tree, random-forest, adaboost") && l.endsWith("[random-forest]: "));
    }

    @Test
    void aCsvInTheFolderIsTheDefaultAndItsLikelyTargetIsOffered() throws Exception {
        Files.writeString(folder.resolve("churn.csv"), "age,plan,churned\n30,1,yes\n41,2,no\n25,1,yes\n52,3,no\n"
                + "33,2,no\n47,1,yes\n29,3,no\n38,2,yes\n44,1,no\n36,3,yes\n");
        Script s = new Script("", "churned", "", "f1", "xgboost", "12");
        TaskSpec t = run(s).orElseThrow().task();
        assertThat(s.transcript).contains("Data set [churn.csv]: ", "Columns: age, plan, churned",
                "Task kind (classification, regression) [classification]: ");
        assertThat(t.name()).isEqualTo("xgboost-churn");
        assertThat(((InProcessJobSpec) t.job()).target()).isEqualTo("churned");
        assertThat(t.trials()).isEqualTo(12);
    }

    @Test
    void wrongAnswersAreAskedAgainAndBudgetsOfZeroOrAMillionAreRefused() {
        Script s = new Script("sales", "wine", "", "gbm", "", "0", "1000000", "a million", "25");
        TaskSpec t = run(s).orElseThrow().task();
        assertThat(s.transcript).contains("path: no such file \"sales\" in " + folder.toAbsolutePath().normalize()
                        + " (list_datasets lists the CSV files). Enter a bundled name or a CSV file in this folder.",
                "\"0\" is not a number of trials between 1 and 1000.",
                "\"1000000\" is not a number of trials between 1 and 1000.",
                "\"a million\" is not a number of trials between 1 and 1000.");
        assertThat(s.transcript).anyMatch(l -> l.startsWith("\"gbm\" is not one of decision-tree"));
        assertThat(t.trials()).isEqualTo(25);
    }

    @Test
    void aTaskTheParserRejectsIsExplainedAndTheQuestionsStartAgainWithTheAnswersAsDefaults() throws Exception {
        Files.writeString(folder.resolve("pets.csv"), "w,h,kind\n1,2,cat\n2,3,dog\n3,1,cat\n4,4,dog\n5,2,cat\n6,3,dog\n");
        // regression on a text target is not possible: the catalog says so; the second round keeps the data set and
        // the target by Enter, answers "classification", and the metric and model defaults then fit that kind
        Script s = new Script("pets.csv", "kind", "regression", "", "linear", "",
                "", "", "classification", "", "", "");
        TaskWizard.Result r = run(s).orElseThrow();
        assertThat(s.transcript).anyMatch(l -> l.startsWith("That task does not work: objective.metric: rmse is a "
                + "regression metric but"));
        assertThat(s.transcript).contains("Data set [pets.csv]: ", "Target column (w, h, kind) [kind]: ");
        assertThat(s.transcript).contains("Task kind (classification, regression) [regression]: classification");
        assertThat(r.task().metric()).isEqualTo("accuracy");
        assertThat(((InProcessJobSpec) r.task().job()).model()).isEqualTo("random-forest");
        assertThat(((InProcessJobSpec) r.task().job()).folds()).as("6 rows: 3 folds of 2").isEqualTo(3);
    }

    @Test
    void theEndOfInputEndsTheWizardWithoutATask() {
        assertThat(run(new Script("wine", ""))).isEmpty();
    }
}
