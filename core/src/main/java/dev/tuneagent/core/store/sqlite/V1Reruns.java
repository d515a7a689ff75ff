package dev.tuneagent.core.store.sqlite;

import dev.tuneagent.core.study.Provenance;
import dev.tuneagent.core.study.TrialAttrs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part of the v1 -> v2 migration. Schema v1 marked the re-run of an interrupted trial N only by the text
 * {@code "re-run of interrupted trial N"} in its provenance's fallback; v2 says it with the attributes
 * {@code {"source": "rerun", "rerun_of": N}}. This rewrites such rows once, inside the migration's
 * transaction, and gives them the fallback of trial N (what a v2 re-run copies), so no code reads that text
 * again.
 */
final class V1Reruns {
    private static final Pattern V1_TEXT = Pattern.compile("re-run of interrupted trial (\\d+)");

    private V1Reruns() {
    }

    private record Row(long studyId, int number, Provenance provenance, int rerunOf) {
    }

    /** Returns how many trials were converted. */
    static int convert(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id, number, provenance_json FROM trials "
                + "WHERE provenance_json LIKE '%re-run of interrupted trial %' ORDER BY study_id, number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Provenance p = JsonColumns.provenance(rs.getString(3));
                Matcher m = p.fallback() == null ? null : V1_TEXT.matcher(p.fallback());
                if (m != null && m.matches()) {
                    rows.add(new Row(rs.getLong(1), rs.getInt(2), p, Integer.parseInt(m.group(1))));
                }
            }
        }
        for (Row r : rows) {
            Provenance copied = r.provenance().withFallback(originalFallback(c, r.studyId(), r.rerunOf()));
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trials SET provenance_json = ?, attrs_json = ? WHERE study_id = ? AND number = ?")) {
                ps.setString(1, JsonColumns.provenance(copied));
                ps.setString(2, JsonColumns.attrs(TrialAttrs.of(TrialAttrs.SOURCE, TrialAttrs.SOURCE_RERUN,
                        TrialAttrs.RERUN_OF, r.rerunOf())));
                ps.setLong(3, r.studyId());
                ps.setInt(4, r.number());
                ps.executeUpdate();
            }
        }
        return rows.size();
    }

    /** The fallback reason of the interrupted trial itself (null when it had none or is missing). */
    private static String originalFallback(Connection c, long studyId, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT provenance_json FROM trials WHERE study_id = ? AND number = ?")) {
            ps.setLong(1, studyId);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String fallback = JsonColumns.provenance(rs.getString(1)).fallback();
                // Rows are converted in number order, so a re-run of a re-run finds its predecessor converted.
                return fallback != null && V1_TEXT.matcher(fallback).matches() ? null : fallback;
            }
        }
    }
}
