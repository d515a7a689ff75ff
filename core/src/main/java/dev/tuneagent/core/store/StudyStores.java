package dev.tuneagent.core.store;

import dev.tuneagent.core.store.postgres.PostgresStudyStore;
import dev.tuneagent.core.store.sqlite.SqliteStudyStore;

/** Opens the store a {@code --storage} value names. */
public final class StudyStores {
    private StudyStores() {
    }

    /** Opens {@code uri} (null or blank: the default location; see {@link StorageLocation}). */
    public static StudyStore open(String uri) {
        return open(StorageLocation.parse(uri));
    }

    public static StudyStore open(StorageLocation location) {
        if (location instanceof StorageLocation.Sqlite s) {
            return new SqliteStudyStore(s.file());
        }
        if (location instanceof StorageLocation.Postgres p) {
            return new PostgresStudyStore(p);
        }
        return new InMemoryStudyStore();
    }
}
