package dev.tuneagent.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalInfoTest {
    @Test
    void aTerminalGetsTheBarUnlessTheUserOrTermSaysOtherwise() {
        assertThat(TerminalInfo.of(true, () -> 0, Map.of()).interactive()).isTrue();
        assertThat(TerminalInfo.of(false, () -> 0, Map.of()).interactive()).isFalse();
        assertThat(TerminalInfo.of(true, () -> 0, Map.of("TERM", "dumb")).interactive()).isFalse();
        assertThat(TerminalInfo.of(true, () -> 0, Map.of("TUNE_PROGRESS", "lines")).interactive()).isFalse();
        assertThat(TerminalInfo.of(false, () -> 0, Map.of("TUNE_PROGRESS", "bar")).interactive()).isTrue();
    }

    @Test
    void theWidthComesFromTheTerminalThenColumnsThenEighty() {
        assertThat(TerminalInfo.of(true, () -> 132, Map.of("COLUMNS", "90")).width()).isEqualTo(132);
        assertThat(TerminalInfo.of(true, () -> 0, Map.of("COLUMNS", "90")).width()).isEqualTo(90);
        assertThat(TerminalInfo.of(true, () -> 0, Map.of("COLUMNS", "wide")).width()).isEqualTo(80);
        int[] w = {100};
        TerminalInfo live = TerminalInfo.of(true, () -> w[0], Map.of());
        w[0] = 70;
        assertThat(live.width()).as("asked again on each call: a resized window is followed").isEqualTo(70);
    }
}
