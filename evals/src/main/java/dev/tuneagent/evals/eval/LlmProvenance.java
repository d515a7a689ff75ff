package dev.tuneagent.evals.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's plain statement of where each LLM proposer's numbers come from: live calls, a recording made
 * by this run, or replayed recordings, with the model and what the recordings say produced them (each
 * exchange's {@code recorded_with}; read from the cassettes when they are still on disk).
 */
final class LlmProvenance {
    private LlmProvenance() {
    }

    static void section(StringBuilder md, List<CellResult> results) {
        Map<String, List<CellResult>> byProposer = new LinkedHashMap<>();
        results.stream().filter(r -> r.model() != null)
                .forEach(r -> byProposer.computeIfAbsent(r.proposer(), k -> new java.util.ArrayList<>()).add(r));
        if (byProposer.isEmpty()) {
            return;
        }
        md.append("\n### Where the LLM numbers come from\n\n");
        for (Map.Entry<String, List<CellResult>> e : byProposer.entrySet()) {
            Set<String> modes = new LinkedHashSet<>();
            Set<String> models = new LinkedHashSet<>();
            Set<String> roots = new LinkedHashSet<>();
            Set<String> with = new LinkedHashSet<>();
            for (CellResult r : e.getValue()) {
                models.add(r.model());
                if (r.cassette() == null) {
                    modes.add("live calls, not recorded");
                    continue;
                }
                boolean replay = r.cassette().startsWith("replay:");
                modes.add(replay ? "replayed from recordings (no network)" : "live calls, recorded by this run");
                Path cell = Path.of(r.cassette().substring(r.cassette().indexOf(':') + 1));
                Path root = cell.getParent() == null ? cell : cell.getParent().getParent();
                roots.add(String.valueOf(root));
                with.addAll(Recordings.recordedWith(cell));
            }
            long ok = e.getValue().stream().filter(CellResult::ok).count();
            md.append("- **").append(e.getKey()).append("** (").append(ok).append(" ok of ").append(e.getValue().size())
                    .append(" cells, model ")
                    .append(String.join(", ", models)).append("): ").append(String.join("; ", modes));
            if (!roots.isEmpty()) {
                md.append(", cassettes under `").append(String.join("`, `", roots)).append('`');
            }
            md.append(".\n");
            if (with.isEmpty() && !roots.isEmpty()) {
                md.append("  - recorded_with: unknown (the cassettes are not on disk where the results say)\n");
            }
            for (String w : with) {
                md.append("  - recorded_with: ").append(w.replace('\n', ' ')).append('\n');
            }
            if (with.stream().anyMatch(w -> w.contains("Not a real model") || w.contains("not a real model"))) {
                md.append("  - These recordings were made against a scripted stand-in, not a model: they exercise the"
                        + " mechanics (prompts, parsing, the loop, accounting); no model quality is measured.\n");
            }
            roots.stream().map(Path::of).filter(p -> Files.isRegularFile(p.resolve(Recordings.FILE))).findFirst()
                    .ifPresent(p -> md.append("  - manifest: `").append(p.resolve(Recordings.FILE)).append("`\n"));
        }
    }
}
