package dev.tuneagent.shell.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void tablesAlignColumnsAndRightAlignNumbers() {
        String t = new Table("#", "STATE", "VALUE", "PARAMS").row(0, "COMPLETE", "0.5", "x=1").row(12, "FAILED", null, "x=22")
                .render();
        assertThat(t).isEqualTo("""
                 #  STATE     VALUE  PARAMS
                 0  COMPLETE    0.5  x=1
                12  FAILED        -  x=22
                """);
    }

    @Test
    void numbersKeepSixSignificantDigitsWithoutNoise() {
        assertThat(Values.number(0.9777777777)).isEqualTo("0.977778");
        assertThat(Values.number(3.0)).isEqualTo("3");
        assertThat(Values.number(-12.5)).isEqualTo("-12.5");
        assertThat(Values.number(1.23e-7)).isEqualTo("1.2300e-07");
        assertThat(Values.number(null)).isEqualTo("-");
    }

    @Test
    void parametersPrintInDeclarationOrder() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("trees", 120L);
        p.put("lr", 0.0012345678);
        p.put("kind", "gini");
        assertThat(Values.params(p)).isEqualTo("trees=120 lr=0.00123457 kind=gini");
    }

    @Test
    void choicesThatLookAlikePrintApartAndAValueNeverBreaksARow() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("a", 1L);
        p.put("b", "1");
        p.put("c", 1.0);
        p.put("d", true);
        p.put("e", "true");
        p.put("f", "a\nb");
        p.put("g", "café");
        p.put("h", "");
        assertThat(Values.params(p)).isEqualTo("a=1 b=\"1\" c=1.0 d=true e=\"true\" f=\"a\\nb\" g=café h=\"\"");
        assertThat(Values.value("say \"hi\"\u2028")).isEqualTo("\"say \\\"hi\\\"\\u2028\"");
        assertThat(Values.value(2.5)).isEqualTo("2.5");
    }

    @Test
    void messagesAreCutToTheirFirstLine() {
        assertThat(Values.firstLine("exit code 3\nTraceback", 80)).isEqualTo("exit code 3");
        assertThat(Values.firstLine("x".repeat(100), 10)).isEqualTo("xxxxxxx...");
    }
}
