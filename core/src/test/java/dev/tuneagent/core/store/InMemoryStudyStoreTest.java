package dev.tuneagent.core.store;

class InMemoryStudyStoreTest extends StudyStoreContract {
    @Override
    protected StudyStore newStore() {
        return new InMemoryStudyStore();
    }

    /** A second worker on the same data, with its own owner. */
    @Override
    protected StudyStore secondHandle() {
        return ((InMemoryStudyStore) store).asWorker(Owner.forThisProcess());
    }
}
