package dev.tuneagent.shell.commands;

import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.store.StudyNotFoundException;

/** Reads one study for the read-only views (plot, explain, export); an unknown name is exit code 4. */
final class StudyLoader {
    /** A study as it was when read, and where it lives (for messages). */
    record Loaded(StudySnapshot snapshot, String location) {
    }

    private StudyLoader() {
    }

    static Loaded load(String study, String storage) {
        try (StudyStore store = StudyStores.open(StorageLocation.parse(storage))) {
            if (store.findStudy(study).isEmpty()) {
                throw new StudyNotFoundException(study, store.location());
            }
            return new Loaded(store.snapshot(study), store.location());
        }
    }
}
