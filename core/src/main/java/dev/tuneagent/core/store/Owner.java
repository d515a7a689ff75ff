package dev.tuneagent.core.store;

import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;

/**
 * Who runs a RUNNING trial: a host, a process id and a random part (pids are reused), written by a store into
 * the trial's lease as {@code host/pid/nonce}. Workers on one study use it to tell a live owner (never taken
 * away from) from a dead one (its trials are failed and re-run).
 */
public record Owner(String host, long pid, String nonce) {

    public Owner {
        if (host == null || host.isBlank() || host.contains("/")) {
            throw new IllegalArgumentException("owner host must be a non-empty name without '/', got " + host);
        }
    }

    /** A new identity for this process (each store instance gets one, so two workers in a JVM differ). */
    public static Owner forThisProcess() {
        return new Owner(localHost(), ProcessHandle.current().pid(), UUID.randomUUID().toString().substring(0, 8));
    }

    /** Parses {@code host/pid/nonce}; empty for null or a value some other writer stored. */
    public static Optional<Owner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * True only when this owner certainly no longer runs: it lived on this host and no process has its pid.
     * An owner on another host, or whose pid exists (maybe reused), is decided by its heartbeat instead.
     */
    public boolean certainlyDead() {
        return host.equals(localHost()) && pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
    }

    static String localHost() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "unknown-host" : h.replace('/', '_');
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public String toString() {
        return host + "/" + pid + "/" + nonce;
    }
}
