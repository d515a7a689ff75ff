package dev.tuneagent.agent.proposers;

import dev.tuneagent.agent.llm.error.CassetteMiss;
import dev.tuneagent.core.proposer.Proposal;
import dev.tuneagent.core.proposer.Proposer;
import dev.tuneagent.core.proposer.RandomProposer;
import dev.tuneagent.core.proposer.SobolProposer;
import dev.tuneagent.core.space.InvalidValueException;
import dev.tuneagent.core.space.SearchSpace;
import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.core.study.TrialAttrs;
import dev.tuneagent.core.study.TrialState;
import dev.tuneagent.surrogate.proposer.GpProposer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place a failed proposal is handled. Every proposer of a study runs inside a chain (e.g. LLM -> GP ->
 * Sobol, or GP -> Sobol): when the first fails (throws, proposes an invalid configuration, or proposes fewer than
 * asked), the next answers, and the reason is written into the proposals' provenance with the tokens the failed
 * attempt spent (so they count towards the study's cap). The last resort is {@link RandomProposer}, which avoids
 * every tried configuration. An empty answer is the typed "exhausted" result: no configuration of the space is left
 * untried. A {@link CassetteMiss} is not a failure to paper over: it stops the study.
 */
public final class FallbackChain implements Proposer {
    private static final List<String> CLASSICAL = List.of(GpProposer.NAME, "sobol");
    private final Proposer primary;
    private final List<Proposer> fallbacks;

    public FallbackChain(Proposer primary, List<Proposer> fallbacks) {
        this.primary = primary;
        this.fallbacks = List.copyOf(fallbacks);
    }

    /**
     * {@code p} inside the standard chain: GP then Sobol, starting after {@code p} when it is one of them (so
     * {@code gp} falls back to Sobol and {@code sobol} only to the last resort). A chain is returned as it is.
     */
    public static Proposer around(Proposer p) {
        if (p instanceof FallbackChain) {
            return p;
        }
        int at = CLASSICAL.indexOf(p.name());
        List<Proposer> all = List.of(new GpProposer(), new SobolProposer());
        return new FallbackChain(p, all.subList(at < 0 ? 0 : at + 1, all.size()));
    }

    @Override
    public String name() {
        return primary.name();
    }

    public Proposer primary() {
        return primary;
    }

    /** Who answers when the primary fails, in order, ending with the last resort. */
    public List<String> fallbackNames() {
        List<String> out = new ArrayList<>(fallbacks.stream().map(Proposer::name).toList());
        out.add(RandomProposer.NAME);
        return out;
    }

    @Override
    public List<Proposal> propose(StudySnapshot snapshot, int n) {
        if (n <= 0) {
            return List.of();
        }
        List<Proposal> got;
        try {
            got = valid(snapshot, primary.propose(snapshot, n));
        } catch (CassetteMiss e) {
            throw e;
        } catch (ProposalFailure f) {
            return fallback(snapshot, n, List.of(), f.reason(), f, f.failedProposer());
        } catch (RuntimeException e) {
            return fallback(snapshot, n, List.of(), primary.name() + " failed: " + message(e), null, null);
        }
        if (got.size() >= n) {
            return got.subList(0, n);
        }
        return fallback(snapshot, n, got, primary.name() + " proposed only " + got.size() + " usable configuration(s)",
                null, null);
    }

    /**
     * The primary's initial design; when it fails, the chain's design of the size it wanted, marked as the warm
     * start it replaces ({@code source=warmstart}) and saying why, so the study still starts with a design once.
     */
    @Override
    public List<Proposal> initialDesign(StudySnapshot snapshot) {
        try {
            return inSpace(snapshot, primary.initialDesign(snapshot));
        } catch (CassetteMiss e) {
            throw e;
        } catch (ProposalFailure f) {
            return fallback(snapshot, f.wanted(), List.of(), f.reason(), f, null).stream()
                    .map(p -> p.withAttrs(TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_WARMSTART))).toList();
        } catch (RuntimeException e) {
            return List.of(); // no design: the study starts with ordinary proposals
        }
    }

    /**
     * The fallbacks' proposals after {@code got}, the first carrying {@code spent}'s usage; {@code skip} names a
     * fallback that already failed on this snapshot.
     */
    private List<Proposal> fallback(StudySnapshot snapshot, int n, List<Proposal> got, String reason,
                                    ProposalFailure spent, String skip) {
        StudySnapshot seen = withPending(snapshot, got);
        String why = reason;
        List<Proposal> more = new ArrayList<>();
        for (Proposer p : fallbacks) {
            if (p.name().equals(skip)) {
                continue;
            }
            try {
                more.addAll(valid(seen, p.propose(seen, n - got.size())));
                break;
            } catch (CassetteMiss e) {
                throw e;
            } catch (RuntimeException e) {
                why = why + "; " + p.name() + " failed: " + message(e);
            }
        }
        if (got.size() + more.size() < n) {
            // The last resort: uniform points, then any configuration not tried yet (finite spaces).
            List<Proposal> pending = new ArrayList<>(got);
            pending.addAll(more);
            more.addAll(valid(withPending(snapshot, pending),
                    new RandomProposer().propose(withPending(snapshot, pending), n - pending.size())));
        }
        List<Proposal> out = new ArrayList<>(got);
        for (Proposal p : more) {
            Provenance prov = p.provenance().withFallback(why);
            if (out.size() == got.size() && spent != null) {
                prov = prov.withUsage(prov.inputTokens() + spent.inputTokens(),
                        prov.outputTokens() + spent.outputTokens(), prov.costUsd() + spent.costUsd());
            }
            out.add(p.withProvenance(prov));
        }
        return out;
    }

    /** The snapshot with {@code got} as pending trials, so a fallback completing a partial answer does not repeat it. */
    private static StudySnapshot withPending(StudySnapshot snapshot, List<Proposal> got) {
        if (got.isEmpty()) {
            return snapshot;
        }
        List<Trial> trials = new ArrayList<>(snapshot.trials());
        for (Proposal p : got) {
            trials.add(new Trial(trials.size(), p.params(), TrialState.RUNNING, null, null, p.provenance(),
                    Instant.EPOCH, null, null));
        }
        return new StudySnapshot(snapshot.study(), trials);
    }

    /**
     * The proposals in the space's canonical form, without those that repeat a trial or each other; a proposal
     * outside the space makes the whole answer a failure (model output and our own bugs are both untrusted).
     */
    /** A design's points that fit the space (the others are left out, not the whole design), deduplicated. */
    static List<Proposal> inSpace(StudySnapshot snapshot, List<Proposal> design) {
        List<Proposal> fitting = new ArrayList<>();
        for (Proposal p : design == null ? List.<Proposal>of() : design) {
            try {
                snapshot.space().coerce(p.params());
                fitting.add(p);
            } catch (InvalidValueException e) {
                // an initial design is a list of suggestions: one bad point does not void the others
            }
        }
        return valid(snapshot, fitting);
    }

    static List<Proposal> valid(StudySnapshot snapshot, List<Proposal> proposals) {
        if (proposals == null) {
            throw new IllegalStateException("it proposed nothing (null)");
        }
        SearchSpace space = snapshot.space();
        List<Map<String, Object>> seen = new ArrayList<>(snapshot.trials().stream().map(Trial::params).toList());
        List<Proposal> out = new ArrayList<>();
        for (Proposal p : proposals) {
            Map<String, Object> params;
            try {
                params = space.coerce(p.params());
            } catch (InvalidValueException e) {
                throw new IllegalStateException("it proposed a configuration outside the space: " + e.getMessage(), e);
            }
            if (seen.stream().noneMatch(s -> space.sameConfig(s, params))) {
                seen.add(params);
                out.add(new Proposal(params, p.provenance(), p.attrs()));
            }
        }
        return out;
    }

    /**
     * Planned delegation (an initial design, the GP phase of {@code llm-warmstart}) is part of the
     * named proposer's method, so its proposals carry that name; proposals that only exist because
     * something failed keep the producer's name and say why in {@code fallback}.
     */
    static List<Proposal> relabel(List<Proposal> proposals, String proposer) {
        List<Proposal> out = new ArrayList<>();
        for (Proposal p : proposals) {
            Provenance v = p.provenance();
            out.add(v.fallback() != null ? p : p.withProvenance(new Provenance(proposer, v.promptVersion(),
                    v.model(), v.seed(), null, v.inputTokens(), v.outputTokens(), v.costUsd())));
        }
        return out;
    }

    static String message(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 200 ? m.substring(0, 197) + "..." : m));
    }
}
