package dev.tuneagent.tools.data;

/** What a model predicts: a class label or a number. */
public enum TaskKind {
    CLASSIFICATION, REGRESSION;

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
