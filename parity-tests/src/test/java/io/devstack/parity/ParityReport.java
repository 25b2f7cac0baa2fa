package io.devstack.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published result: an endpoint × API matrix (scenarios passed / run), the scenario count, and every difference
 * with its scenario, API, field path, expected and actual value. Rewritten after each scenario, so an aborted run
 * still leaves what it found.
 */
final class ParityReport {

    private final Path directory;
    private final List<String> apis;
    private final Map<String, String> urls;
    private final Instant started = Instant.now();
    private final Map<String, Map<String, int[]>> matrix = new LinkedHashMap<>();
    private final List<Difference> differences = new ArrayList<>();
    private int scenarios;

    ParityReport(Path directory, Map<String, String> urls) {
        this.directory = directory;
        this.apis = List.copyOf(urls.keySet());
        this.urls = urls;
    }

    synchronized void record(Scenario scenario, List<Difference> found) {
        scenarios++;
        Map<String, int[]> row = matrix.computeIfAbsent(scenario.endpoint, key -> new LinkedHashMap<>());
        for (String api : apis) {
            int[] cell = row.computeIfAbsent(api, key -> new int[2]);
            cell[1]++;
            if (found.stream().noneMatch(d -> d.api().equals(api))) {
                cell[0]++;
            }
        }
        differences.addAll(found);
        write();
    }

    synchronized int scenarios() {
        return scenarios;
    }

    synchronized String summary() {
        long failing = matrix.values().stream()
                .flatMap(row -> row.values().stream())
                .filter(c -> c[0] != c[1])
                .count();
        return scenarios + " scenarios over " + matrix.size() + " endpoints × " + apis.size() + " APIs, "
                + differences.size() + " differences, " + failing + " failing matrix cells, in "
                + Duration.between(started, Instant.now()).toSeconds() + " s";
    }

    private void write() {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("parity-report.md"), markdown());
            Files.writeString(directory.resolve("parity-report.html"), html());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# API parity report\n\n");
        md.append(summary()).append(". Run started ").append(started).append(".\n\n");
        urls.forEach((api, url) ->
                md.append("- ").append(api).append(": ").append(url).append('\n'));
        md.append("\n| endpoint |");
        apis.forEach(api -> md.append(' ').append(api).append(" |"));
        md.append("\n|---|");
        apis.forEach(api -> md.append("---|"));
        md.append('\n');
        matrix.forEach((endpoint, row) -> {
            md.append("| `").append(endpoint).append("` |");
            apis.forEach(api -> md.append(' ').append(cell(row.get(api))).append(" |"));
            md.append('\n');
        });
        md.append("\n## Differences\n\n");
        if (differences.isEmpty()) {
            md.append("None: the five answered every scenario identically (after normalising request ids, timestamps, "
                    + "durations, the implementation block and declared live backend measurements) and "
                    + "as the contract says.\n");
        } else {
            md.append("| scenario | API | field | expected | actual |\n|---|---|---|---|---|\n");
            differences.forEach(d -> md.append("| ")
                    .append(cellText(d.scenario()))
                    .append(" | ")
                    .append(d.api())
                    .append(" | ")
                    .append(cellText(d.field()))
                    .append(" | ")
                    .append(cellText(d.expected()))
                    .append(" | ")
                    .append(cellText(d.actual()))
                    .append(" |\n"));
        }
        return md.toString();
    }

    private String html() {
        StringBuilder html =
                new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>API parity</title>"
                        + "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:2px 6px}"
                        + ".pass{background:#dfd}.fail{background:#fdd}table{border-collapse:collapse}"
                        + "</style></head><body>");
        html.append("<h1>API parity report</h1><p>")
                .append(escape(summary()))
                .append("</p><table><tr><th>endpoint</th>");
        apis.forEach(api -> html.append("<th>").append(api).append("</th>"));
        html.append("</tr>");
        matrix.forEach((endpoint, row) -> {
            html.append("<tr><td><code>").append(escape(endpoint)).append("</code></td>");
            apis.forEach(api -> {
                int[] c = row.get(api);
                html.append("<td class=\"")
                        .append(c[0] == c[1] ? "pass" : "fail")
                        .append("\">")
                        .append(cell(c))
                        .append("</td>");
            });
            html.append("</tr>");
        });
        html.append(
                "</table><h2>Differences</h2><table><tr><th>scenario</th><th>API</th><th>field</th><th>expected</th>"
                        + "<th>actual</th></tr>");
        differences.forEach(d -> html.append("<tr><td>")
                .append(escape(d.scenario()))
                .append("</td><td>")
                .append(d.api())
                .append("</td><td>")
                .append(escape(d.field()))
                .append("</td><td>")
                .append(escape(d.expected()))
                .append("</td><td>")
                .append(escape(d.actual()))
                .append("</td></tr>"));
        return html.append("</table></body></html>\n").toString();
    }

    private static String cell(int[] counts) {
        return (counts[0] == counts[1] ? "pass " : "FAIL ") + counts[0] + "/" + counts[1];
    }

    private static String cellText(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
