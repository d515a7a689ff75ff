package dev.tuneagent.core.store.bench;

import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What workers sharing a study must never break, checked after a benchmark cell from the store's trials and the
 * workers' own accounts: {@code ok}, or {@code VIOLATION: ...} / {@code ERROR: ...} saying what went wrong.
 */
public final class BenchCheck {
    private BenchCheck() {
    }

    public static String of(List<Trial> stored, List<WorkerLoop.Run> runs, int budget) {
        List<String> violations = new ArrayList<>();
        if (stored.size() > budget) {
            violations.add(stored.size() + " trials stored, budget " + budget);
        }
        Set<Integer> numbers = new HashSet<>();
        for (Trial t : stored) {
            if (!numbers.add(t.number())) {
                violations.add("trial number " + t.number() + " stored twice");
            }
        }
        if (!numbers.equals(new HashSet<>(IntStream.range(0, stored.size()).boxed().toList()))) {
            violations.add("numbers are not 0.." + (stored.size() - 1));
        }
        long unfinished = stored.stream().filter(t -> t.state() != TrialState.COMPLETE).count();
        if (unfinished > 0) {
            violations.add(unfinished + " trial(s) not COMPLETE (a result was lost)");
        }
        Map<Integer, Integer> handedOut = new HashMap<>();
        for (WorkerLoop.Run r : runs) {
            for (int n : r.numbers()) {
                if (handedOut.merge(n, 1, Integer::sum) == 2) {
                    violations.add("trial " + n + " handed to two workers");
                }
            }
        }
        if (!handedOut.keySet().equals(numbers)) {
            violations.add("the workers got " + handedOut.size() + " trials, the store holds " + numbers.size());
        }
        List<String> errors = runs.stream().filter(r -> r.error() != null).map(WorkerLoop.Run::error).distinct().toList();
        if (violations.isEmpty() && errors.isEmpty() && stored.size() < budget) {
            violations.add("only " + stored.size() + " of " + budget + " trials stored, yet every worker stopped");
        }
        String out = violations.isEmpty() ? "" : "VIOLATION: " + String.join("; ", violations);
        if (!errors.isEmpty()) {
            out += (out.isEmpty() ? "" : "; ") + "ERROR: " + errors.size() + " worker error(s), e.g. " + errors.get(0);
        }
        out = out.isEmpty() ? "ok" : out;
        return out;
    }
}
