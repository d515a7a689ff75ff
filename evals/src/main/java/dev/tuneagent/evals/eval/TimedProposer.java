package dev.tuneagent.evals.eval;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.study.StudySnapshot;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps a proposer to add up the wall time spent in {@code propose} and {@code initialDesign} (model calls included). */
final class TimedProposer implements Proposer {
    private final Proposer inner;
    private final AtomicLong nanos = new AtomicLong();

    TimedProposer(Proposer inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        long start = System.nanoTime();
        try {
            return inner.propose(snapshot, n);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public List<Proposal> initialDesign(StudySnapshot snapshot) {
        long start = System.nanoTime();
        try {
            return inner.initialDesign(snapshot);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    double millis() {
        return nanos.get() / 1e6;
    }
}
