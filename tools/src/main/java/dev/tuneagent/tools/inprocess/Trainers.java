package dev.tuneagent.tools.inprocess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.classification.ensemble.AdaBoostTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.distance.Distance;
import org.tribuo.math.distance.L1Distance;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.libsvm.LibSVMRegressionTrainer;
import org.tribuo.regression.libsvm.SVMRegressionType;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Turns hyperparameter values into Tribuo trainers (features are standardized beforehand where the
 * model needs it, see {@link ModelDef#scaleFeatures()}). Everything runs on one thread: trials may run side by side and results must not depend on scheduling.
 */
final class Trainers {
    private Trainers() {
    }

    static LabelImpurity impurity(Hyper h) {
        return "entropy".equals(h.text("criterion")) ? new Entropy() : new GiniIndex();
    }

    static CARTClassificationTrainer classTree(Hyper h, float featureFraction, long seed) {
        return new CARTClassificationTrainer(h.integer("max_depth"), h.single("min_child_weight"), 0.0f,
                featureFraction, false, impurity(h), seed);
    }

    static CARTRegressionTrainer cartRegression(Hyper h, float featureFraction, long seed) {
        return new CARTRegressionTrainer(h.integer("max_depth"), h.single("min_child_weight"), 0.0f,
                featureFraction, false, new MeanSquaredError(), seed);
    }

    static Trainer<Label> tree(Hyper h, TrainContext c) {
        return classTree(h, 1.0f, c.seed());
    }

    static Trainer<Regressor> regressionTree(Hyper h, TrainContext c) {
        return cartRegression(h, 1.0f, c.seed());
    }

    /**
     * Breiman's random forest on Tribuo's CART: {@code trees} trees, each on a bootstrap sample, trying a
     * {@code max_features} fraction of the features at each split (Tribuo requires it below 1). Seeded, so
     * one seed gives one forest.
     */
    static Trainer<Label> forest(Hyper h, TrainContext c) {
        return new RandomForestTrainer<>(classTree(h, h.single("max_features"), c.seed()), new VotingCombiner(),
                h.integer("trees"), c.seed());
    }

    static Trainer<Regressor> regressionForest(Hyper h, TrainContext c) {
        return new RandomForestTrainer<>(cartRegression(h, h.single("max_features"), c.seed()),
                new UniformAveragingCombiner(), h.integer("trees"), c.seed());
    }

    static Trainer<Label> adaboost(Hyper h, TrainContext c) {
        CARTClassificationTrainer base = new CARTClassificationTrainer(h.integer("max_depth"), 1.0f, 0.0f, 1.0f,
                false, new GiniIndex(), c.seed());
        return new AdaBoostTrainer(base, h.integer("estimators"), c.seed());
    }

    private static KernelType kernel(Hyper h) {
        return switch (h.text("kernel")) {
            case "linear" -> KernelType.LINEAR;
            case "poly" -> KernelType.POLY;
            case "sigmoid" -> KernelType.SIGMOID;
            default -> KernelType.RBF;
        };
    }

    static Trainer<Label> svm(Hyper h, TrainContext c) {
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                kernel(h));
        p.setCost(h.real("c"));
        p.setGamma(h.real("gamma"));
        if (c.probabilities()) {
            p.setProbability(); // Platt scaling: an inner 5-fold CV, so only when log-loss needs it
        }
        return new LibSVMClassificationTrainer(p, c.seed());
    }

    static Trainer<Regressor> regressionSvm(Hyper h, TrainContext c) {
        SVMParameters<Regressor> p = new SVMParameters<>(
                new SVMRegressionType(SVMRegressionType.SVMMode.EPSILON_SVR), kernel(h));
        p.setCost(h.real("c"));
        p.setGamma(h.real("gamma"));
        p.setEpsilon(h.real("epsilon"));
        return new LibSVMRegressionTrainer(p, true, c.seed());
    }

    private static Distance distance(Hyper h) {
        return switch (h.text("distance")) {
            case "l1" -> new L1Distance();
            case "cosine" -> new CosineDistance();
            default -> new L2Distance();
        };
    }

    static <T extends Output<T>> Trainer<T> knn(Hyper h, EnsembleCombiner<T> combiner) {
        return new KNNTrainer<>(h.integer("k"), distance(h), 1, combiner, KNNModel.Backend.THREADPOOL,
                NeighboursQueryFactoryType.BRUTE_FORCE);
    }

    private static StochasticGradientOptimiser optimiser(Hyper h) {
        double lr = h.real("learning_rate");
        return "adam".equals(h.text("optimizer")) ? new Adam(lr, 1e-8) : new AdaGrad(lr, 0.1);
    }

    static Trainer<Label> logistic(Hyper h, TrainContext c) {
        return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(), optimiser(h),
                h.integer("epochs"), Integer.MAX_VALUE, 1, c.seed());
    }

    static Trainer<Regressor> linear(Hyper h, TrainContext c) {
        return new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(), optimiser(h),
                h.integer("epochs"), Integer.MAX_VALUE, 1, c.seed());
    }

    private static XGBoostTrainer.TreeMethod treeMethod(TrainContext c) {
        return c.large() ? XGBoostTrainer.TreeMethod.HIST : XGBoostTrainer.TreeMethod.AUTO;
    }

    static Trainer<Label> xgboost(Hyper h, TrainContext c) {
        return new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, treeMethod(c),
                h.integer("trees"), h.real("learning_rate"), 0.0, h.integer("max_depth"), h.real("min_child_weight"),
                h.real("subsample"), h.real("colsample"), h.real("reg_lambda"), 0.0, 1,
                XGBoostTrainer.LoggingVerbosity.SILENT, c.seed());
    }

    static Trainer<Regressor> regressionXgboost(Hyper h, TrainContext c) {
        return new XGBoostRegressionTrainer(XGBoostTrainer.BoosterType.GBTREE, treeMethod(c),
                XGBoostRegressionTrainer.RegressionType.LINEAR, h.integer("trees"), h.real("learning_rate"), 0.0,
                h.integer("max_depth"), h.real("min_child_weight"), h.real("subsample"), h.real("colsample"),
                h.real("reg_lambda"), 0.0, 1, XGBoostTrainer.LoggingVerbosity.SILENT, c.seed());
    }
}
