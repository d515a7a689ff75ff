package dev.tuneagent.agent.loop;

import dev.tuneagent.core.store.Lease;
import java.util.List;

/**
 * A plain {@code run}/{@code resume} of a study that another live process runs: it is refused before anything
 * changes, because taking that process's RUNNING trials would lose their results. {@code tune worker} joins instead.
 */
public final class StudyBusyException extends RuntimeException {
    private final String study;
    private final List<Lease> live;

    public StudyBusyException(String study, List<Lease> live, String storage) {
        super(message(study, live, storage));
        this.study = study;
        this.live = List.copyOf(live);
    }

    public String study() {
        return study;
    }

    /** The fresh leases of the other owners (at least one). */
    public List<Lease> live() {
        return live;
    }

    /** The message with {@code storage} as the user typed it (the store's location is used otherwise). */
    public static String message(String study, List<Lease> live, String storage) {
        StringBuilder who = new StringBuilder();
        live.stream().map(Lease::owner).distinct().limit(3).forEach(owner -> {
            Lease newest = live.stream().filter(l -> owner.equals(l.owner()))
                    .min(java.util.Comparator.comparing(Lease::age)).orElseThrow();
            long n = live.stream().filter(l -> owner.equals(l.owner())).count();
            who.append(who.length() == 0 ? "" : "; ").append(describe(owner)).append(" (").append(n)
                    .append(n == 1 ? " trial" : " trials").append(" running, last heartbeat ")
                    .append(newest.age().toSeconds()).append(" s ago)");
        });
        return "study \"" + study + "\" is being run by another live process: " + who + ". A second run would"
                + " take its trials away; join it instead with `tune worker " + study + " --storage " + storage
                + "`, or wait until it ends";
    }

    private static String describe(String owner) {
        return dev.tuneagent.core.store.Owner.parse(owner)
                .map(o -> "host " + o.host() + ", pid " + o.pid()).orElse(owner);
    }
}
