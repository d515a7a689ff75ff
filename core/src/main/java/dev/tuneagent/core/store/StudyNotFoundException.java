package dev.tuneagent.core.store;

/** A command or service named a study the store does not hold. */
public class StudyNotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StudyNotFoundException(String study, String location) {
        super("no study named \"" + study + "\" in " + location + "; `tune studies` lists the studies there"
                + " (use --storage to look elsewhere)");
    }
}
