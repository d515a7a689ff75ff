package dev.tuneagent.shell.commands;

final class StorageHelp {
    static final String TEXT = "where studies live: sqlite:PATH, postgresql://USER:PASSWORD@HOST:PORT/DB or memory: "
            + "(default: $TUNE_STORAGE, else ~/.tune/tune.db)";

    private StorageHelp() {
    }
}
