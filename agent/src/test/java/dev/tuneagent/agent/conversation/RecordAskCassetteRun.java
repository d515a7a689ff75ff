package dev.tuneagent.agent.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link RecordAskCassette} from Maven (no separate class path needed):
 * {@code mvn -o -pl agent -am test -Dtest=RecordAskCassetteRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Drecord.ask=$PWD/examples/cassettes/ask-wine}. Skipped in normal builds.
 */
class RecordAskCassetteRun {
    @Test
    @EnabledIfSystemProperty(named = "record.ask", matches = ".+")
    void record() {
        RecordAskCassette.main(new String[] {System.getProperty("record.ask")});
    }
}
