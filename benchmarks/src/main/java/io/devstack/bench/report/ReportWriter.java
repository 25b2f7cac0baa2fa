package io.devstack.bench.report;

import io.devstack.bench.Results;
import io.devstack.common.json.Json;
import io.devstack.infra.local.ApiLauncher;
import io.vertx.core.impl.VertxImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one run's report into a folder: {@code results.json} (every raw figure: each round of each run),
 * {@code report.md} (the tables; the summary table is made to be pasted into the README), {@code index.html}
 * (the same tables with SVG charts beside it as {@code *.svg}).
 */
public final class ReportWriter {

    public static final String JSON = "results.json";
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "index.html";

    private ReportWriter() {}

    /** Writes the three files (and the charts) into {@code folder}; returns the summary table as Markdown. */
    public static String write(Results results, Path folder, String command) {
        ReportTables tables = new ReportTables(results);
        try {
            Files.createDirectories(folder);
            Files.write(
                    folder.resolve(JSON),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(results));
            List<String> chartFiles = new ArrayList<>();
            String chartProblem = null;
            try {
                for (Map.Entry<String, String> chart :
                        new Charts(results, tables).all().entrySet()) {
                    Files.writeString(folder.resolve(chart.getKey() + ".svg"), chart.getValue());
                    chartFiles.add(chart.getKey() + ".svg");
                }
            } catch (RuntimeException | InternalError | LinkageError e) {
                // charts need AWT fonts (fontconfig); a machine without them still gets the tables, which are the
                // report
                chartProblem = "charts could not be drawn on this machine: " + e;
            }
            List<Tables> all = all(tables);
            Files.writeString(folder.resolve(MARKDOWN), markdown(results, all, command, chartProblem));
            Files.writeString(folder.resolve(HTML), html(results, all, command, chartFiles, chartProblem));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder, e);
        }
        return summary(results, command, tables);
    }

    /**
     * The summary table with the line that says when, where and how it was measured: the block the root README
     * shows (paste it over the previous one).
     */
    static String summary(Results results, String command, ReportTables tables) {
        var machine = results.machine();
        return "Measured " + results.startedAt().substring(0, 16).replace('T', ' ') + " UTC on " + machine.cpus()
                + " CPUs ("
                + machine.cpuModel() + "), " + machine.memoryGb() + " GB, " + machine.jdk() + ", load average at start "
                + machine.loadAverageAtStart() + ", with `" + command + "`. Goals: "
                + String.join(
                        "; ",
                        results.goals().stream()
                                .map(g -> (g.met() ? "met — " : "not met — ") + g.goal())
                                .toList())
                + ".\n\n" + tables.summary().markdown();
    }

    private static List<Tables> all(ReportTables tables) {
        List<Tables> all = new ArrayList<>();
        all.add(tables.summary());
        all.add(tables.shareOfBaseline());
        all.add(tables.p99AtHalf());
        all.add(tables.resources());
        all.add(tables.failures());
        all.add(tables.warmups());
        all.add(tables.baselines());
        all.addAll(tables.latencyDetail());
        return all;
    }

    private static String markdown(Results results, List<Tables> tables, String command, String chartProblem) {
        StringBuilder out = new StringBuilder("# DevStack benchmark report\n\n");
        out.append(header(results, command)).append("\n");
        out.append("## Summary\n\n").append(summary(results, command, new ReportTables(results)));
        out.append("## Goals\n\n");
        results.goals()
                .forEach(goal -> out.append("- ")
                        .append(goal.met() ? "**met**: " : "**not met**: ")
                        .append(goal.goal())
                        .append(" — ")
                        .append(goal.detail())
                        .append("\n"));
        out.append("\n## Figures\n\n");
        // the first table is the summary, shown above
        tables.subList(1, tables.size()).forEach(table -> out.append(table.markdown()));
        if (chartProblem != null) {
            out.append("_").append(chartProblem).append("_\n");
        }
        return out.toString();
    }

    private static String html(
            Results results, List<Tables> tables, String command, List<String> charts, String chartProblem) {
        StringBuilder out = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>DevStack benchmark report</title><style>
                body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}\
                td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
                td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}\
                .met{color:#2a7a2a}.unmet{color:#b22}
                img{display:block;margin:1em 0;max-width:100%}pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap}
                </style></head><body><h1>DevStack benchmark report</h1>
                """);
        out.append("<pre>").append(Tables.escape(header(results, command))).append("</pre>\n<h2>Goals</h2><ul>\n");
        results.goals()
                .forEach(goal -> out.append("<li class=\"")
                        .append(goal.met() ? "met\"><b>met</b>: " : "unmet\"><b>not met</b>: ")
                        .append(Tables.escape(goal.goal()))
                        .append(" — ")
                        .append(Tables.escape(goal.detail()))
                        .append("</li>\n"));
        out.append("</ul>\n<h2>Charts</h2>\n");
        charts.forEach(chart -> out.append("<img src=\"")
                .append(chart)
                .append("\" alt=\"")
                .append(chart)
                .append("\">\n"));
        if (chartProblem != null) {
            out.append("<p><i>").append(Tables.escape(chartProblem)).append("</i></p>\n");
        }
        out.append("<h2>Figures</h2>\n");
        tables.forEach(table -> out.append(table.html().replace("`", "")));
        return out.append("<p>Every raw figure: <a href=\"results.json\">results.json</a>.</p></body></html>\n")
                .toString();
    }

    /** Date, command, machine and every parameter, as plain lines. */
    private static String header(Results results, String command) {
        var plan = results.plan();
        var machine = results.machine();
        return String.join(
                "\n",
                "- run: " + results.startedAt() + ", " + String.format("%.0f", results.elapsedSeconds()) + " s"
                        + (results.aotTrainingSeconds() < 1
                                ? ""
                                : String.format(
                                        " (after %.0f s training the AOT caches of rebuilt API jars, once per build)",
                                        results.aotTrainingSeconds()))
                        + ", `" + command + "`",
                "- machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), " + machine.memoryGb() + " GB, "
                        + machine.os() + "; load average at start " + machine.loadAverageAtStart(),
                "- JDK: " + machine.jdk() + "; API JVM options: " + String.join(" ", ApiLauncher.JVM_OPTIONS),
                "- pinning: " + results.pinning(),
                "- load generator: Vert.x " + VertxImpl.version()
                        + " HTTP/1.1 client, one event loop, keep-alive, no pipelining; "
                        + "open model scheduled every 1 ms, latency from the intended start into HdrHistogram",
                "- parameters: preset " + plan.preset() + ", " + plan.concurrency()
                        + " connections; per endpoint: warm-up until the JVMs are warm, see Warm-up ("
                        + plan.warmupSeconds() + "–" + plan.warmupMaxSeconds() + " s), " + plan.closedRounds()
                        + " closed rounds of "
                        + plan.closedSeconds()
                        + " s, open model at "
                        + plan.openFractions().stream()
                                .map(f -> Math.round(f * 100) + "%")
                                .toList()
                        + " of the median, " + plan.openRounds() + " rounds of " + plan.openSeconds() + " s each",
                "- APIs: " + String.join(", ", plan.apis()) + "; endpoints: " + String.join(", ", plan.endpoints()),
                "");
    }
}
