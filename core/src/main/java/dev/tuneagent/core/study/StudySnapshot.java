package dev.tuneagent.core.study;

import dev.tuneagent.core.space.SearchSpace;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A consistent view of a study at one moment: what proposers read. */
public record StudySnapshot(StudyDefinition study, List<Trial> trials) {

    public StudySnapshot {
        trials = List.copyOf(trials);
    }

    public SearchSpace space() {
        return study.space();
    }

    public Direction direction() {
        return study.direction();
    }

    public List<Trial> completed() {
        return trials.stream().filter(Trial::isComplete).toList();
    }

    public List<Trial> pending() {
        return trials.stream().filter(Trial::isPending).toList();
    }

    public List<Trial> failed() {
        return trials.stream().filter(t -> t.state() == TrialState.FAILED).toList();
    }

    public Optional<Trial> best() {
        Comparator<Trial> byLoss = Comparator.comparingDouble(t -> study.direction().toLoss(t.value()));
        return completed().stream().min(byLoss.thenComparingInt(Trial::number));
    }

    /** The seed for the proposal made at this point of the study: stable across resumes. */
    public long proposalSeed() {
        return Seeds.mix(study.seed(), trials.size());
    }
}
