package dev.tuneagent.shell.run;

import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.task.CommandJobSpec;
import dev.tuneagent.core.task.SlurmJobSpec;
import dev.tuneagent.core.task.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a study's trials work: {@code job.workdir/STUDY} when the task sets one (a Slurm job always has one),
 * else {@code runs/STUDY}
 * next to the SQLite file (so {@code ~/.tune/runs/STUDY} by default), else a temporary directory.
 */
final class StudyDirs {
    private StudyDirs() {
    }

    static Path forStudy(TaskSpec task, StorageLocation storage) {
        if (task.job() instanceof CommandJobSpec cmd && cmd.workdir() != null) {
            return cmd.workdir().resolve(task.name());
        }
        if (task.job() instanceof SlurmJobSpec slurm) {
            return slurm.workdir().resolve(task.name()); // compute nodes must see it: never a private temp dir
        }
        if (storage instanceof StorageLocation.Sqlite s) {
            Path parent = s.file().getParent();
            return (parent == null ? Path.of(".") : parent).resolve("runs").resolve(task.name());
        }
        try {
            return Files.createTempDirectory("tune-" + task.name() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort: removes a temporary study directory and everything in it. */
    static void deleteTemporary(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
