package dev.tuneagent.prompts.history;

import static dev.tuneagent.prompts.Fixtures.SPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.core.study.Direction;
import dev.tuneagent.prompts.Fixtures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class HistorySelectionPropertiesTest {

    @Property(tries = 100)
    void aSelectionFitsItsBudgetKeepsTheBestAndAccountsForEveryRow(@ForAll @IntRange(min = 1, max = 80) int n,
            @ForAll @IntRange(min = 1, max = 20_000) int budget, @ForAll long seed, @ForAll boolean minimize) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new HistoryRow(i, Fixtures.config(Math.exp(Math.log(1e-4) * rng.nextDouble()), 0.5 * rng.nextDouble(),
                    1 + rng.nextInt(20), rng.nextBoolean() ? "gini" : "entropy", 16L << rng.nextInt(3)),
                    rng.nextDouble() * 10 - 5));
        }
        Direction d = minimize ? Direction.MINIMIZE : Direction.MAXIMIZE;
        HistorySelection s = HistorySelection.select(rows, SPACE, d, RowStyle.SURROGATE, new HistoryBudget(budget));

        int chars = s.kept().stream().mapToInt(r -> HistorySerializer.row(r, SPACE, RowStyle.SURROGATE).length()).sum();
        assertThat(chars <= budget || s.kept().size() == 1).isTrue();
        HistoryRow best = rows.stream().min(Comparator.<HistoryRow>comparingDouble(r -> d.toLoss(r.score()))
                .thenComparingInt(HistoryRow::trial)).orElseThrow();
        assertThat(s.kept()).contains(best);
        HashSet<Integer> all = new HashSet<>(s.dropped());
        s.kept().forEach(r -> all.add(r.trial()));
        assertThat(all).hasSize(n);
        assertThat(s.kept().size() + s.dropped().size()).isEqualTo(n);
    }
}
