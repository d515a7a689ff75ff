package dev.tuneagent.evals.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code results.csv}: one row per cell with the best value at each checkpoint, for spreadsheets. */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    public static String csv(List<CellResult> results, List<Integer> checkpoints) {
        StringBuilder sb = new StringBuilder("task,proposer,seed,status,metric,direction,view,best");
        checkpoints.forEach(c -> sb.append(",best_at_").append(c));
        sb.append(",calls,tokens,cost_usd,fallbacks,wall_s,proposer_ms,model,cassette,reason\n");
        for (CellResult r : results) {
            sb.append(field(r.task())).append(',').append(field(r.proposer())).append(',').append(r.seed()).append(',')
                    .append(r.status()).append(',').append(field(r.metric())).append(',').append(r.direction().lower())
                    .append(',').append(field(r.view())).append(',').append(value(r.best()));
            checkpoints.forEach(c -> sb.append(',').append(value(r.at(c))));
            sb.append(',').append(r.calls()).append(',').append(r.tokens()).append(',').append(value(r.costUsd()))
                    .append(',').append(r.fallbacks()).append(',').append(r.wallS()).append(',').append(r.proposerMs())
                    .append(',').append(field(r.model())).append(',').append(field(r.cassette())).append(',')
                    .append(field(r.reason())).append('\n');
        }
        return sb.toString();
    }

    public static void write(Path file, List<CellResult> results, List<Integer> checkpoints) {
        try {
            Files.writeString(file, csv(results, checkpoints));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String value(Double v) {
        return v == null ? "" : String.valueOf(v);
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
