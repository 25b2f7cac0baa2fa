package io.devstack.bench.report;

import io.devstack.bench.Results;
import java.util.ArrayList;
import java.util.List;

/** The report's tables as rows of cells, rendered to Markdown and HTML alike. */
record Tables(String title, String caption, List<String> header, List<List<String>> rows) {

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(title).append("\n\n");
        if (!caption.isEmpty()) {
            out.append(caption).append("\n\n");
        }
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append("\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return out.append("\n").toString();
    }

    String html() {
        StringBuilder out = new StringBuilder();
        out.append("<h3>").append(escape(title)).append("</h3>\n");
        if (!caption.isEmpty()) {
            out.append("<p>").append(escape(caption)).append("</p>\n");
        }
        out.append("<table><thead><tr>");
        header.forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(bold(escape(cell))).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    static List<String> header(String first, List<Results.Server> apis, String... last) {
        List<String> header = new ArrayList<>();
        header.add(first);
        apis.forEach(api -> header.add(api.name()));
        header.addAll(List.of(last));
        return header;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Markdown's **bold** in a cell becomes {@code <b>}. */
    private static String bold(String cell) {
        return cell.replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>");
    }
}
