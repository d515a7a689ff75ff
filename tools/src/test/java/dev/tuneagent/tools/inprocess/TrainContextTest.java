package dev.tuneagent.tools.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainContextTest {

    @Test
    void onlyTablesAsBigAsDigitsSwitchXgboostToBinnedSplits() {
        assertThat(new TrainContext(0, false, 1797, 64).large()).isTrue();    // digits
        assertThat(new TrainContext(0, false, 569, 30).large()).isFalse();    // breast-cancer
        assertThat(new TrainContext(0, false, 178, 13).large()).isFalse();    // wine: the demo's cassettes
    }
}
