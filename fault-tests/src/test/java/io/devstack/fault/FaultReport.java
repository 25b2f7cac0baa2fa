package io.devstack.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code fault-report.md} and {@code .html}: one row per fault, one column per API, then every problem found. */
final class FaultReport {

    private FaultReport() {}

    static void write(Path dir, List<String> apis, Map<String, Map<String, Outcome>> byFault, List<String> summary)
            throws IOException {
        Files.createDirectories(dir);
        StringBuilder md =
                new StringBuilder("# Fault report\n\n").append(Instant.now()).append("\n\n");
        summary.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nEach cell: status codes seen while the fault was on · `/health/all` while down → after · time to"
                        + " recover once the backend was back (target ")
                .append(Outcome.RECOVERY_TARGET.toSeconds())
                .append(" s). ✅ no 500, no hang, no crash; ⚠️ recovered slower than the target; ❌ failed.\n\n");
        md.append("| fault |");
        apis.forEach(api -> md.append(' ').append(api).append(" |"));
        md.append("\n|---|").append("---|".repeat(apis.size())).append('\n');
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Fault report</title>"
                        + "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:4px;font-size:13px;"
                        + "vertical-align:top}.ok{background:#e6f4ea}.slow{background:#fff4d6}"
                        + ".fail{background:#fde2e1}</style>"
                        + "<h1>Fault report</h1><p>")
                .append(Instant.now())
                .append("</p><ul>");
        summary.forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
        html.append("</ul><table><tr><th>fault</th>");
        apis.forEach(api -> html.append("<th>").append(api).append("</th>"));
        html.append("</tr>");
        StringBuilder problems = new StringBuilder();
        byFault.forEach((fault, outcomes) -> {
            md.append("| ").append(fault).append(" |");
            html.append("<tr><th>").append(escape(fault)).append("</th>");
            for (String api : apis) {
                Outcome o = outcomes.get(api);
                boolean failed = !o.problems().isEmpty();
                String mark = failed ? "❌" : o.slowRecovery() ? "⚠️" : "✅";
                String cell = o.observed.codes() + " · " + o.healthWhileDown + " → " + o.healthAfter + " · "
                        + o.recoveryText();
                md.append(' ').append(mark).append(' ').append(cell).append(" |");
                html.append("<td class=")
                        .append(failed ? "fail" : o.slowRecovery() ? "slow" : "ok")
                        .append('>')
                        .append(mark)
                        .append(' ')
                        .append(escape(cell))
                        .append("</td>");
                o.problems()
                        .forEach(p -> problems.append("| ")
                                .append(fault)
                                .append(" | ")
                                .append(api)
                                .append(" | ")
                                .append(p)
                                .append(" |\n"));
                o.notes.forEach(n -> problems.append("| ")
                        .append(fault)
                        .append(" | ")
                        .append(api)
                        .append(" | note: ")
                        .append(n)
                        .append(" |\n"));
            }
            md.append('\n');
            html.append("</tr>");
        });
        html.append("</table>");
        if (!problems.isEmpty()) {
            md.append("\n## Problems and notes\n\n| fault | API | problem |\n|---|---|---|\n")
                    .append(problems);
            html.append("<h2>Problems and notes</h2><pre>")
                    .append(escape(problems.toString()))
                    .append("</pre>");
        }
        Files.writeString(dir.resolve("fault-report.md"), md);
        Files.writeString(dir.resolve("fault-report.html"), html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
