package dev.tuneagent.shell.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuneagent.shell.fixtures.StudyFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {
    /** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes), to read back what we wrote. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                assertThat(f).as("a quote only opens a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).isEqualTo('\n');
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("no bare LF outside quotes").isNotEqualTo('\n');
                f.append(c);
            }
        }
        assertThat(row).as("the last record ends with CRLF").isEmpty();
        return rows;
    }

    @Test
    void theHeaderStartsWithNumberStateValueThenTheParametersAndEveryFieldReadsBack() {
        String csv = CsvExport.write(StudyFixtures.snapshot("s", 0.9123456789012345, null));
        assertThat(csv).startsWith("number,state,value,trees,lr,criterion,proposer,");
        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).containsExactly("number", "state", "value", "trees", "lr", "criterion", "proposer",
                "fallback", "duration_s", "message");
        assertThat(rows.get(1)).containsExactly("0", "COMPLETE", "0.9123456789012345", "10", "0.01", "gini", "gp", "", "1.5", "");
        assertThat(rows.get(2)).containsExactly("1", "FAILED", "", "30", "0.02", "entropy", "gp", "", "1.5",
                "exit code 1, said \"no\"\nTraceback");
        assertThat(csv).contains("\"exit code 1, said \"\"no\"\"\nTraceback\"\r\n");
        assertThat(Double.parseDouble(rows.get(1).get(2))).as("full precision").isEqualTo(0.9123456789012345);
    }

    @Test
    void onlyFieldsThatNeedItAreQuoted() {
        assertThat(CsvExport.field("plain text")).isEqualTo("plain text");
        assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(CsvExport.number(3.0)).isEqualTo("3");
        assertThat(CsvExport.number(1e-7)).isEqualTo("1.0E-7");
    }
}
