package dev.tuneagent.agent.loop;

import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialState;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resume rule. The budget counts trial numbers: a study is done when it holds {@code budget}
 * finished trials. A trial a crash or Ctrl-C cut short is kept as FAILED (its number stays, nothing is
 * rewritten) and its configuration is evaluated again as the next new trial, so no proposal is lost and
 * the study still ends with exactly {@code budget} trials numbered 0..budget-1.
 *
 * <p>The link is stored in the re-run's provenance ({@code fallback = "re-run of interrupted trial N"}),
 * so a second crash before the re-run starts is recovered the same way.
 */
public final class Interruptions {
    public static final String FOUND_AT_RESUME = "interrupted (found RUNNING at resume)";
    public static final String BY_USER = "interrupted by user";
    private static final String RERUN = "re-run of interrupted trial ";
    private static final Pattern RERUN_OF = Pattern.compile(Pattern.quote(RERUN) + "(\\d+)");

    private Interruptions() {
    }

    public static boolean isInterrupted(Trial t) {
        return t.state() == TrialState.FAILED && t.message() != null && t.message().startsWith("interrupted");
    }

    /** The oldest interrupted trial not yet re-run, as a proposal with the original provenance. */
    public static Optional<Proposal> nextRerun(StudySnapshot snapshot) {
        Set<Integer> rerun = new HashSet<>();
        for (Trial t : snapshot.trials()) {
            Provenance p = t.provenance();
            if (p != null && p.fallback() != null) {
                Matcher m = RERUN_OF.matcher(p.fallback());
                if (m.lookingAt()) {
                    rerun.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        for (Trial t : snapshot.trials()) {
            if (isInterrupted(t) && !rerun.contains(t.number())) {
                Provenance p = t.provenance() == null ? Provenance.of("unknown", 0) : t.provenance();
                // Tokens were already paid (and counted) by the original trial.
                Provenance again = new Provenance(p.proposer(), p.promptVersion(), p.model(), p.seed(),
                        RERUN + t.number(), 0, 0, 0.0);
                return Optional.of(new Proposal(t.params(), again));
            }
        }
        return Optional.empty();
    }
}
