package dev.tuneagent.agent.llambo;

import dev.tuneagent.core.study.Seeds;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.prompts.card.DataCard;
import dev.tuneagent.prompts.history.HistoryRow;
import dev.tuneagent.prompts.history.RunningRow;
import dev.tuneagent.prompts.history.TargetScore;
import dev.tuneagent.prompts.llambo.LlamboPrompts;
import dev.tuneagent.prompts.parse.ConfigReplyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LLAMBO's target-conditioned candidate sampler: each of {@code templates} calls sees the history in
 * a different shuffled order and asks for configurations expected to reach the target score
 * s* = best ∓ α·(max − min). A failed call is tolerated when another one produced candidates.
 */
public final class CandidateSampler {
    private CandidateSampler() {
    }

    /** Candidates in call order, distinct from each other and from every trial of the snapshot. */
    public static List<Map<String, Object>> sample(LlmSession session, DataCard card, StudySnapshot snapshot,
                                                   int templates, long seed) {
        List<HistoryRow> completed = HistoryRow.completed(snapshot);
        if (completed.isEmpty()) {
            throw new LlmFailure("the sampler needs at least one completed trial", null);
        }
        LlmSettings s = session.settings();
        // The target comes from finished evaluations only; stopped trials are shown as such but set no target.
        double target = TargetScore.of(completed.stream().map(HistoryRow::score).toList(), snapshot.direction(),
                s.alpha());
        List<HistoryRow> rows = HistoryRow.withPruned(snapshot);
        // Trials running meanwhile (parallel trials, other workers) are shown without a score, so the model does not
        // propose them again; the parser drops any that it repeats anyway (they are among the past configurations).
        List<RunningRow> running = RunningRow.of(snapshot);
        List<Map<String, Object>> past = new ArrayList<>(Trials.configs(snapshot));
        List<Map<String, Object>> out = new ArrayList<>();
        LlmFailure last = null;
        for (int t = 0; t < templates; t++) {
            long shuffle = Seeds.mix(seed, t);
            List<Map<String, Object>> seen = List.copyOf(past);
            try {
                List<Map<String, Object>> got = session.ask(
                        ps -> LlamboPrompts.sampler(card, snapshot.space(), rows, running, target, s.candidates(),
                                shuffle, ps),
                        reply -> ConfigReplyParser.parse(reply, snapshot.space(), seen, s.prompts().format()),
                        LlamboPrompts.configsFormat(snapshot.space(), s.candidates(), s.prompts().format()),
                        ReplySchemas.configurations(snapshot.space()));
                out.addAll(got);
                past.addAll(got);
            } catch (LlmFailure e) {
                last = e;
                if (e instanceof BudgetExhausted) {
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            throw last;
        }
        return out;
    }
}
