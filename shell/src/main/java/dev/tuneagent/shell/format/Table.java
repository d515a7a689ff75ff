package dev.tuneagent.shell.format;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numeric-looking columns are right-aligned. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "-" : c.toString());
        }
        rows.add(r);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        int n = header.size();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = header.get(i).length();
            right[i] = true;
        }
        for (List<String> r : rows) {
            for (int i = 0; i < n; i++) {
                String c = i < r.size() ? r.get(i) : "";
                width[i] = Math.max(width[i], c.length());
                if (!c.equals("-") && !c.matches("[-+]?[0-9.,eE%/:+-]+[a-z]?")) {
                    right[i] = false;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width, right);
        for (List<String> r : rows) {
            line(sb, r, width, right);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            String pad = " ".repeat(width[i] - c.length());
            l.append(right[i] ? pad + c : c + pad);
            if (i < width.length - 1) {
                l.append("  ");
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
