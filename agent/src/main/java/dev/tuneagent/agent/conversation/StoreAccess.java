package dev.tuneagent.agent.conversation;

import dev.tuneagent.core.store.StorageLocation;
import dev.tuneagent.core.store.StudyStore;
import dev.tuneagent.core.store.StudyStores;
import java.util.function.Function;

/** How the study tools reach the store: opened per question by the CLI, shared in tests. */
@FunctionalInterface
public interface StoreAccess {

    <T> T read(Function<StudyStore, T> query);

    /** Opens {@code location} for each query and closes it after. */
    static StoreAccess of(StorageLocation location) {
        return new StoreAccess() {
            @Override
            public <T> T read(Function<StudyStore, T> query) {
                try (StudyStore store = StudyStores.open(location)) {
                    return query.apply(store);
                }
            }
        };
    }

    /** A store someone else owns (tests, the in-memory store of one session). */
    static StoreAccess shared(StudyStore store) {
        return new StoreAccess() {
            @Override
            public <T> T read(Function<StudyStore, T> query) {
                return query.apply(store);
            }
        };
    }
}
