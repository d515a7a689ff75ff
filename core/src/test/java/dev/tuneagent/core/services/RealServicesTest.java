package dev.tuneagent.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RealServicesTest {
    @Test
    void aSetVariableIsReturned() {
        assertThat(RealServices.required(Map.of("X", " v "), "X", "s.sh", "1")).isEqualTo("v");
    }

    @Test
    void aMissingVariableSkipsLocallyWithTheReason() {
        assertThatThrownBy(() -> RealServices.required(Map.of(), "X", "start-x.sh", "1"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("X is not set")
                .hasMessageContaining("start-x.sh");
    }

    @Test
    void aMissingVariableFailsOnCi() {
        assertThatThrownBy(() -> RealServices.required(Map.of("CI", "true"), "X", "start-x.sh", "1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true")
                .hasMessageContaining("must not be skipped");
    }
}
