package dev.tuneagent.shell.export;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.StudySnapshot;
import dev.tuneagent.core.study.Trial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Trials as CSV (RFC 4180: CRLF line ends, a field with a comma, quote, CR or LF is quoted and its quotes
 * doubled). The header is {@code number,state,value,} then one column per parameter in search-space order,
 * then {@code proposer,fallback,duration_s,message}. Numbers are written in full precision.
 */
public final class CsvExport {
    static final List<String> EXTRA = List.of("proposer", "fallback", "duration_s", "message");

    private CsvExport() {
    }

    public static String write(StudySnapshot s) {
        List<String> params = s.space().names();
        List<String> header = new ArrayList<>(List.of("number", "state", "value"));
        header.addAll(params);
        // A parameter may be called "message": the extra column then gets a prefix, so names stay unique.
        EXTRA.forEach(e -> header.add(params.contains(e) ? "trial_" + e : e));
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        for (Trial t : s.trials()) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(t.number()));
            row.add(t.state().name());
            row.add(t.value() == null ? "" : number(t.value()));
            for (String p : params) {
                Object v = t.params().get(p);
                row.add(v == null ? "" : v instanceof Double d ? number(d) : String.valueOf(v));
            }
            Provenance pr = t.provenance();
            row.add(pr == null ? "" : pr.proposer());
            row.add(pr == null || pr.fallback() == null ? "" : pr.fallback());
            Duration d = t.duration();
            row.add(d == null ? "" : number(d.toMillis() / 1000.0));
            row.add(t.message() == null ? "" : t.message());
            line(sb, row);
        }
        return sb.toString();
    }

    /** Shortest text that reads back as the same double. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return Double.toString(v);
    }

    static String field(String f) {
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
            return '"' + f.replace("\"", "\"\"") + '"';
        }
        return f;
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        sb.append("\r\n");
    }
}
