package dev.tuneagent.agent.llambo;

import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.prompts.card.DataCard;
import dev.tuneagent.prompts.history.HistoryRow;
import dev.tuneagent.prompts.history.RunningRow;
import dev.tuneagent.prompts.llambo.LlamboPrompts;
import dev.tuneagent.prompts.parse.ScoreReplyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LLAMBO's discriminative surrogate: the model predicts the score of each candidate from the
 * few-shot history; {@code surrogateCalls} calls with differently shuffled history give several
 * samples per candidate, whose mean and spread feed expected improvement. Unlike LLAMBO (one call
 * per candidate and template), one call scores every candidate, which keeps the calls per proposal
 * bounded. Missing predictions are imputed as LLAMBO does: the mean of the other candidates.
 */
public final class LlmSurrogate {
    static final double MIN_SD = 1e-5;

    private LlmSurrogate() {
    }

    public record Prediction(double[] mean, double[] sd) {
    }

    public static Prediction predict(LlmSession session, DataCard card, StudySnapshot snapshot,
                                     List<Map<String, Object>> candidates, long seed) {
        List<HistoryRow> rows = HistoryRow.withPruned(snapshot);
        List<RunningRow> running = RunningRow.of(snapshot);
        LlmSettings s = session.settings();
        int k = candidates.size();
        List<double[]> samples = new ArrayList<>();
        LlmFailure last = null;
        for (int c = 0; c < s.surrogateCalls(); c++) {
            long shuffle = Seeds.mix(seed, 1000 + c);
            try {
                samples.add(session.ask(
                        ps -> LlamboPrompts.surrogate(card, snapshot.space(), rows, running, candidates, shuffle, ps),
                        reply -> ScoreReplyParser.parse(reply, k, s.prompts().format()),
                        LlamboPrompts.scoresFormat(card, s.prompts()), ReplySchemas.predictions(k)));
            } catch (LlmFailure e) {
                last = e;
                if (e instanceof BudgetExhausted) {
                    break;
                }
            }
        }
        if (samples.isEmpty()) {
            throw last;
        }
        return summarize(samples, k);
    }

    static Prediction summarize(List<double[]> samples, int k) {
        double[] mean = new double[k];
        double[] sd = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (double[] s : samples) {
                if (!Double.isNaN(s[i])) {
                    sum += s[i];
                    sq += s[i] * s[i];
                    n++;
                }
            }
            mean[i] = n == 0 ? Double.NaN : sum / n;
            sd[i] = n == 0 ? Double.NaN : Math.sqrt(Math.max(0, sq / n - mean[i] * mean[i]));
        }
        double meanOfMeans = nanMean(mean);
        double meanOfSds = nanMean(sd);
        for (int i = 0; i < k; i++) {
            if (Double.isNaN(mean[i])) {
                mean[i] = meanOfMeans;
                sd[i] = meanOfSds;
            }
            sd[i] = Math.max(MIN_SD, Double.isNaN(sd[i]) ? MIN_SD : sd[i]);
        }
        return new Prediction(mean, sd);
    }

    private static double nanMean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
