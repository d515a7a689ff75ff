package dev.tuneagent.tools.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.space.SearchSpaceCodec;
import dev.tuneagent.core.study.Direction;
import dev.tuneagent.core.task.InProcessJobSpec;
import dev.tuneagent.tools.data.Datasets;
import dev.tuneagent.tools.data.TaskKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessCatalogTest {
    final InProcessCatalog catalog = new InProcessCatalog(new Datasets());

    static InProcessJobSpec job(String dataset, String model) {
        return new InProcessJobSpec(dataset, model, 5, null);
    }

    @Test
    void anUnknownModelListsTheModels() {
        assertThatThrownBy(() -> catalog.validate(job("wine", "random-forrest"), "accuracy"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("job.model: got \"random-forrest\", expected one of decision-tree, random-forest, adaboost,"
                        + " svm, knn, logistic, linear, xgboost");
    }

    @Test
    void anUnknownMetricListsTheMetrics() {
        assertThatThrownBy(() -> catalog.validate(job("wine", "svm"), "auc"))
                .hasMessage("objective.metric: got \"auc\", expected one of accuracy, f1, log-loss, rmse, mae, r2"
                        + " for an inprocess job");
    }

    @Test
    void anUnknownDataSetListsTheBundledOnes() {
        assertThatThrownBy(() -> catalog.validate(job("titanic", "svm"), "accuracy"))
                .hasMessageStartingWith("job.dataset: unknown data set \"titanic\"; choose one of iris, wine");
    }

    @Test
    void aRegressionMetricOnAClassificationDataSetNamesTheFittingMetrics() {
        assertThatThrownBy(() -> catalog.validate(job("wine", "svm"), "rmse"))
                .hasMessage("objective.metric: rmse is a regression metric but wine is a classification data set;"
                        + " use one of accuracy, f1, log-loss");
    }

    @Test
    void aClassificationOnlyModelOnRegressionDataNamesTheRegressionModels() {
        assertThatThrownBy(() -> catalog.validate(job("diabetes", "adaboost"), "rmse"))
                .hasMessage("job.model: adaboost does not do regression; use one of decision-tree, random-forest,"
                        + " svm, knn, linear, xgboost");
        assertThatThrownBy(() -> catalog.validate(job("diabetes", "logistic"), "r2"))
                .hasMessageContaining("(for regression use linear)");
        assertThatThrownBy(() -> catalog.validate(job("iris", "linear"), "f1"))
                .hasMessageContaining("(for classification use logistic)");
    }

    @Test
    void logLossNeedsAModelThatGivesProbabilities() {
        assertThatThrownBy(() -> catalog.validate(job("iris", "knn"), "log-loss"))
                .hasMessage("objective.metric: log-loss needs class probabilities and knn gives none; use accuracy"
                        + " or f1, or a model with probabilities: random-forest, adaboost, svm, logistic, xgboost");
        assertThatThrownBy(() -> catalog.validate(job("iris", "decision-tree"), "log-loss"))
                .hasMessageContaining("decision-tree gives none");
        assertThatCode(() -> catalog.validate(job("iris", "svm"), "log-loss")).doesNotThrowAnyException();
    }

    @Test
    void tooFewRowsForTheFoldsIsRejected(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("tiny.csv");
        Files.writeString(csv, "a,y\n1,x\n2,y\n3,x\n4,y\n5,x\n6,y\n7,x\n");
        InProcessJobSpec spec = new InProcessJobSpec(csv.toString(), "knn", 5, "y");
        assertThatThrownBy(() -> catalog.validate(spec, "accuracy"))
                .hasMessage("job.folds: 5-fold cross-validation needs at least 10 rows; " + csv + " has 7"
                        + " (lower job.folds or add rows)");
        assertThatCode(() -> catalog.validate(new InProcessJobSpec(csv.toString(), "knn", 3, "y"), "accuracy"))
                .doesNotThrowAnyException();
    }

    @Test
    void oneFoldIsNotCrossValidation() {
        assertThatThrownBy(() -> catalog.validate(new InProcessJobSpec("iris", "knn", 1, null), "accuracy"))
                .hasMessage("job.folds: got 1, expected an integer of at least 2");
    }

    @Test
    void aSingleClassTargetIsRejected(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("one.csv");
        Files.writeString(csv, "a,y\n1,x\n2,x\n3,x\n4,x\n");
        assertThatThrownBy(() -> catalog.validate(new InProcessJobSpec(csv.toString(), "knn", 2, "y"), "f1"))
                .hasMessageContaining("job.target: column \"y\" of " + csv + " holds a single class");
    }

    @Test
    void aNumericCsvTargetIsRegressionOrClassificationAsTheMetricSays(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("num.csv");
        Files.writeString(csv, "a,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n");
        InProcessJobSpec spec = new InProcessJobSpec(csv.toString(), "knn", 2, "y");
        assertThat(catalog.taskKind(spec, "accuracy")).isEqualTo(TaskKind.CLASSIFICATION);
        assertThat(catalog.taskKind(spec, "rmse")).isEqualTo(TaskKind.REGRESSION);
        Path text = tmp.resolve("text.csv");
        Files.writeString(text, "a,y\n1,no\n2,yes\n3,no\n4,yes\n");
        assertThatThrownBy(() -> catalog.taskKind(new InProcessJobSpec(text.toString(), "knn", 2, "y"), "r2"))
                .hasMessageContaining("is a classification data set (its target \"y\" is not numeric)");
    }

    @Test
    void aUserSpaceWithAnUnknownParameterNamesItsPathAndTheKnownOnes() {
        SearchSpace space = SearchSpace.of(new IntParam("depth", 1, 5, false));
        assertThatThrownBy(() -> catalog.validate(job("wine", "random-forest"), "accuracy", space))
                .hasMessage("space.depth: random-forest (classification) has no parameter \"depth\"; its parameters"
                        + " are trees, max_depth, criterion, max_features, min_child_weight");
    }

    @Test
    void aUserSpaceOutsideWhatTheTrainerAcceptsIsRejected() {
        SearchSpace space = SearchSpace.of(new IntParam("trees", 0, 50, false));
        assertThatThrownBy(() -> catalog.validate(job("wine", "random-forest"), "accuracy", space))
                .hasMessage("space.trees.low: got 0, expected a value in [1, 1000] for random-forest (number of trees)");
        SearchSpace floatTrees = SearchSpace.of(new FloatParam("trees", 1, 50, false));
        assertThatThrownBy(() -> catalog.validate(job("wine", "random-forest"), "accuracy", floatTrees))
                .hasMessage("space.trees.type: got \"float\", expected int, because trees is a whole number");
        SearchSpace kernel = SearchSpaceCodec.fromJson("{\"kernel\": {\"type\": \"categorical\", \"choices\": [\"rbf\", \"tanh\"]}}");
        assertThatThrownBy(() -> catalog.validate(job("wine", "svm"), "accuracy", kernel))
                .hasMessage("space.kernel: got \"tanh\", expected one of [rbf, linear] for svm");
    }

    @Test
    void everyDefaultSpacePassesItsOwnValidationForEveryKindItSupports() {
        for (ModelDef m : catalog.models()) {
            for (TaskKind kind : m.kinds()) {
                String dataset = kind == TaskKind.CLASSIFICATION ? "iris" : "diabetes";
                String metric = kind == TaskKind.CLASSIFICATION ? "accuracy" : "rmse";
                SearchSpace space = catalog.defaultSpace(job(dataset, m.name()), metric);
                assertThat(space).isEqualTo(catalog.defaultSpace(m.name(), kind));
                assertThatCode(() -> catalog.validate(job(dataset, m.name()), metric, space))
                        .as(m.name() + " " + kind).doesNotThrowAnyException();
                for (Hyperparameter h : m.hyperparameters(kind)) {
                    assertThat(h.range().contains(h.range().coerce(h.fallback()))).as(h.name()).isTrue();
                }
            }
        }
    }

    @Test
    void metricDirectionsFollowWhetherBiggerIsBetter() {
        assertThat(InProcessCatalog.metricDirection("accuracy")).isEqualTo(Direction.MAXIMIZE);
        assertThat(InProcessCatalog.metricDirection("f1")).isEqualTo(Direction.MAXIMIZE);
        assertThat(InProcessCatalog.metricDirection("r2")).isEqualTo(Direction.MAXIMIZE);
        assertThat(InProcessCatalog.metricDirection("log-loss")).isEqualTo(Direction.MINIMIZE);
        assertThat(InProcessCatalog.metricDirection("rmse")).isEqualTo(Direction.MINIMIZE);
        assertThat(InProcessCatalog.metricDirection("mae")).isEqualTo(Direction.MINIMIZE);
    }
}
