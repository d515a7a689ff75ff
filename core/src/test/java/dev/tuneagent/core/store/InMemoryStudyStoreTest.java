package dev.tuneagent.core.store;

class InMemoryStudyStoreTest extends StudyStoreContract {
    @Override
    protected StudyStore newStore() {
        return new InMemoryStudyStore();
    }
}
