package dev.tuneagent.tools.inprocess;

import dev.tuneagent.tools.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;

/**
 * Seeded k-fold cross-validation (stratified for classification). Scaling statistics come from the
 * training part of each fold only, so nothing leaks from the test part. Reports each metric's mean
 * over the folds and its population standard deviation as {@code NAME_std}.
 */
final class CrossValidation {
    /** Probabilities are clipped here so one confident mistake costs about 34.5, not infinity. */
    static final double MIN_PROBABILITY = 1e-15;

    private CrossValidation() {
    }

    static Map<String, Double> classification(Dataset d, Trainer<Label> trainer, boolean scaleFeatures, int k,
                                              long seed, BooleanSupplier cancelled, FoldListener listener) {
        List<Map<String, Double>> folds = new ArrayList<>();
        for (int[][] fold : Folds.split(d, k, seed)) {
            checkCancelled(cancelled);
            Scaler x = scaleFeatures ? Scaler.features(d, fold[0]) : Scaler.identity(d.featureNames().size());
            MutableDataset<Label> train = TribuoData.classification(d, fold[0], x);
            MutableDataset<Label> test = TribuoData.classification(d, fold[1], x);
            Model<Label> model = trainer.train(train);
            List<Prediction<Label>> predictions = model.predict(test);
            LabelEvaluation e = new LabelEvaluator().evaluate(model, predictions, test.getProvenance());
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(Metric.ACCURACY.key(), e.accuracy());
            m.put(Metric.F1.key(), e.macroAveragedF1());
            if (model.generatesProbabilities()) {
                m.put(Metric.LOG_LOSS.key(), logLoss(predictions));
            }
            folds.add(m);
            listener.afterFold(folds.size(), means(folds));
        }
        return summarize(folds);
    }

    /**
     * Regression models train on targets standardized with the training part's mean and std (SGD and
     * XGBoost's default base score assume targets near zero; trees and k-NN do not care) and are scored
     * on the original scale.
     */
    static Map<String, Double> regression(Dataset d, Trainer<Regressor> trainer, boolean scaleFeatures, int k,
                                          long seed, BooleanSupplier cancelled, FoldListener listener) {
        List<Map<String, Double>> folds = new ArrayList<>();
        for (int[][] fold : Folds.split(d, k, seed)) {
            checkCancelled(cancelled);
            Scaler x = scaleFeatures ? Scaler.features(d, fold[0]) : Scaler.identity(d.featureNames().size());
            Scaler.Column y = Scaler.column(d.numbers(), fold[0]);
            Model<Regressor> model = trainer.train(TribuoData.regression(d, fold[0], x, y));
            MutableDataset<Regressor> test = TribuoData.regression(d, fold[1], x, y);
            double[] truth = new double[fold[1].length];
            double[] predicted = new double[truth.length];
            List<Prediction<Regressor>> predictions = model.predict(test);
            for (int i = 0; i < truth.length; i++) {
                // Pair each prediction with its own example: some models (k-NN) do not keep the input order.
                Prediction<Regressor> p = predictions.get(i);
                truth[i] = y.unscale(p.getExample().getOutput().getValues()[0]);
                predicted[i] = y.unscale(p.getOutput().getValues()[0]);
            }
            folds.add(regressionMetrics(truth, predicted));
            listener.afterFold(folds.size(), means(folds));
        }
        return summarize(folds);
    }

    /** Each metric's mean over the folds done so far: the running value an intermediate report carries. */
    static Map<String, Double> means(List<Map<String, Double>> folds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : folds.get(0).keySet()) {
            out.put(key, folds.stream().mapToDouble(f -> f.get(key)).average().orElse(Double.NaN));
        }
        return out;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled between folds");
        }
    }

    static double logLoss(List<Prediction<Label>> predictions) {
        double sum = 0;
        for (Prediction<Label> p : predictions) {
            String truth = p.getExample().getOutput().getLabel();
            Label scored = p.getOutputScores().get(truth);
            double prob = scored == null ? 0 : scored.getScore();
            sum -= Math.log(Math.max(MIN_PROBABILITY, Math.min(1, prob)));
        }
        return sum / predictions.size();
    }

    static Map<String, Double> regressionMetrics(double[] truth, double[] predicted) {
        double mean = java.util.Arrays.stream(truth).average().orElse(Double.NaN);
        double sse = 0;
        double sae = 0;
        double sst = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = predicted[i] - truth[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (truth[i] - mean) * (truth[i] - mean);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metric.RMSE.key(), Math.sqrt(sse / truth.length));
        m.put(Metric.MAE.key(), sae / truth.length);
        m.put(Metric.R2.key(), sst > 0 ? 1 - sse / sst : Double.NaN);
        return m;
    }

    static Map<String, Double> summarize(List<Map<String, Double>> folds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : folds.get(0).keySet()) {
            double[] v = folds.stream().mapToDouble(f -> f.get(key)).toArray();
            double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(Double.NaN);
            out.put(key, mean);
            out.put(key + "_std", Math.sqrt(var));
        }
        return out;
    }
}
