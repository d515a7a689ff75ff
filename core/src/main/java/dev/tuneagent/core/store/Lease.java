package dev.tuneagent.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A RUNNING trial's lease: who runs it and when that owner last showed a sign of life.
 *
 * @param number      the trial
 * @param owner       {@code host/pid/nonce} (see {@link Owner}); null for a trial stored before leases existed
 * @param heartbeatAt the owner's last heartbeat (start or claim counts as one); null when unknown
 * @param age         how old that heartbeat is, measured by the store (PostgreSQL: on the server's clock, so
 *                    workers on machines with skewed clocks agree); null when unknown
 */
public record Lease(int number, String owner, Instant heartbeatAt, Duration age) {

    /**
     * The trials of {@code seen} whose lease is, in {@code current} (the RUNNING trials' leases now), still held by
     * the owner seen: what {@code failLeases} and {@code claimLeases} may change. In the order given, each once.
     */
    public static List<Integer> stillHeld(List<Lease> seen, List<Lease> current) {
        Map<Integer, Lease> left = new HashMap<>();
        current.forEach(l -> left.put(l.number(), l));
        List<Integer> out = new ArrayList<>();
        for (Lease l : seen) {
            Lease now = left.remove(l.number());
            if (now != null && Objects.equals(now.owner(), l.owner())) {
                out.add(l.number());
            }
        }
        return out;
    }

    /** True when the owner is gone: no heartbeat for longer than {@code grace}, unknown, or a dead local process. */
    public boolean isStale(Duration grace) {
        if (owner == null || heartbeatAt == null || age == null) {
            return true;
        }
        return age.compareTo(grace) > 0 || Owner.parse(owner).map(Owner::certainlyDead).orElse(false);
    }
}
