package dev.tuneagent.core.store;

import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Threads for the contract's concurrency checks: writers of study "s", released together. */
final class ConcurrentCalls {
    private ConcurrentCalls() {
    }

    static Callable<List<Integer>> writer(StudyStore s, int count) {
        return () -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Trial t = s.startTrial("s", StudyStoreContract.proposal(i), StudyStoreContract.at(i));
                mine.add(t.number());
                s.finishTrial("s", t.number(), TrialOutcome.complete(i, Map.of()), StudyStoreContract.at(i + 1));
            }
            return mine;
        };
    }

    /** Runs the tasks on their own threads, released at the same moment, and returns their results. */
    @SafeVarargs
    static List<List<Integer>> together(Callable<List<Integer>>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (Callable<List<Integer>> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<List<Integer>> out = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
