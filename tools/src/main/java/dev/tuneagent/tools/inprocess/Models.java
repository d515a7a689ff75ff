package dev.tuneagent.tools.inprocess;

import static dev.tuneagent.tools.inprocess.Hyperparameter.choice;
import static dev.tuneagent.tools.inprocess.Hyperparameter.integer;
import static dev.tuneagent.tools.inprocess.Hyperparameter.real;

import dev.tuneagent.tools.data.TaskKind;
import java.util.List;
import java.util.Optional;
import org.tribuo.classification.ensemble.VotingCombiner;

/**
 * The models of {@code job.model}, their hyperparameters and default search ranges. Ranges are kept
 * where one 5-fold evaluation on the bundled data sets stays around a second (see docs/jobs.md).
 */
public final class Models {
    private static final double BIG = 1e6;

    // A lone tree overfits when deep: its fallbacks are shallower than a forest's.
    private static final Hyperparameter MAX_DEPTH = integer("max_depth", 1, 20, false, 5, 1, 1000,
            "deepest split of a tree");
    private static final Hyperparameter MIN_CHILD_WEIGHT = real("min_child_weight", 1, 20, true, 5, 0, BIG,
            "least number of rows (weight) in a leaf");
    private static final Hyperparameter CRITERION = choice("criterion", List.of("gini", "entropy"), "gini",
            "split quality measure").only(TaskKind.CLASSIFICATION);

    public static final List<ModelDef> ALL = List.of(
            new ModelDef("decision-tree", "a single CART decision tree",
                    List.of(MAX_DEPTH, MIN_CHILD_WEIGHT, CRITERION),
                    Trainers::tree, Trainers::regressionTree, false, false),
            new ModelDef("random-forest", "random forest (Tribuo): bootstrap-sampled CART trees with a random"
                    + " feature subset per split",
                    List.of(integer("trees", 10, 300, true, 50, 1, 1000, "number of trees"),
                            integer("max_depth", 1, 20, false, 10, 1, 30, "deepest split of a tree"),
                            CRITERION,
                            real("max_features", 0.1, 0.9, false, 0.5, 1e-3, 0.999,
                                    "fraction of the features tried at each split, below 1"),
                            real("min_child_weight", 1, 20, true, 1, 0, BIG, "least number of rows in a leaf")),
                    Trainers::forest, Trainers::regressionForest, true, false),
            new ModelDef("adaboost", "AdaBoost (SAMME) over shallow CART trees; classification only",
                    List.of(integer("estimators", 10, 60, true, 20, 1, 1000, "number of boosting rounds"),
                            integer("max_depth", 1, 4, false, 2, 1, 100, "depth of each weak tree (1: stumps)")),
                    Trainers::adaboost, null, true, false),
            new ModelDef("svm", "LibSVM support vector machine (C-SVC / epsilon-SVR) on standardized features",
                    List.of(real("c", 1e-2, 1e3, true, 1, 1e-9, BIG, "penalty of margin violations"),
                            real("gamma", 1e-4, 1, true, 0.05, 1e-12, BIG, "kernel width (rbf, poly, sigmoid)"),
                            choice("kernel", List.of("rbf", "linear"), "rbf", "kernel function"),
                            real("epsilon", 1e-2, 1, true, 0.1, 0, BIG,
                                    "width of the no-penalty tube, in target standard deviations")
                                    .only(TaskKind.REGRESSION)),
                    Trainers::svm, Trainers::regressionSvm, true, true),
            new ModelDef("knn", "k-nearest neighbours on standardized features",
                    List.of(integer("k", 1, 50, true, 5, 1, 100_000, "number of neighbours").boundedByTrainingRows(),
                            choice("distance", List.of("l2", "l1", "cosine"), "l2", "distance function")),
                    (h, c) -> Trainers.knn(h, new VotingCombiner()),
                    (h, c) -> Trainers.knn(h, new UniformAveragingCombiner()), false, true),
            linear("logistic", "multinomial logistic regression trained by SGD; classification only", true),
            linear("linear", "linear least-squares regression trained by SGD; regression only", false),
            new ModelDef("xgboost", "XGBoost gradient-boosted trees (single-threaded)",
                    List.of(integer("trees", 10, 300, true, 100, 1, 5000, "number of boosting rounds"),
                            real("learning_rate", 0.01, 0.5, true, 0.3, 1e-6, 1, "shrinkage (eta)"),
                            integer("max_depth", 1, 10, false, 6, 1, 30, "deepest split of a tree"),
                            real("subsample", 0.5, 1, false, 1, 1e-3, 1, "fraction of rows per tree"),
                            real("colsample", 0.5, 1, false, 1, 1e-3, 1, "fraction of features per tree"),
                            real("min_child_weight", 0.1, 10, true, 1, 0, BIG, "least hessian weight in a leaf"),
                            real("reg_lambda", 1e-3, 10, true, 1, 0, BIG, "L2 penalty on leaf weights")),
                    Trainers::xgboost, Trainers::regressionXgboost, true, false));

    private Models() {
    }

    private static ModelDef linear(String name, String description, boolean classification) {
        List<Hyperparameter> hs = List.of(
                real("learning_rate", 1e-3, 1, true, 0.1, 1e-9, 100, "SGD step size"),
                integer("epochs", 5, 100, true, 20, 1, 10_000, "passes over the training fold"),
                choice("optimizer", List.of("adagrad", "adam"), "adagrad", "SGD variant"));
        return classification
                ? new ModelDef(name, description, hs, Trainers::logistic, null, true, true)
                : new ModelDef(name, description, hs, null, Trainers::linear, false, true);
    }

    public static Optional<ModelDef> named(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ModelDef::name).toList();
    }
}
