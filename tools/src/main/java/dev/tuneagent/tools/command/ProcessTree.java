package dev.tuneagent.tools.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Kills a process together with everything it started (a shell script's children, a Python worker pool). */
public final class ProcessTree {
    private ProcessTree() {
    }

    /**
     * Sends SIGTERM to the process and all its descendants, waits up to {@code grace} for them to go,
     * then SIGKILLs whatever is left. The descendants are listed before anything is signalled: once
     * the parent dies its children are re-parented and no longer show up as its descendants.
     */
    public static void kill(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = snapshot(root);
        // Children first, so a parent that respawns workers on SIGCHLD has nothing left to watch.
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0 && p.isAlive()) {
                awaitExit(p, left);
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                // A survivor may have started new children since the snapshot.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    private static void awaitExit(ProcessHandle p, long nanos) {
        try {
            p.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Still alive: the SIGKILL pass handles it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
