package io.devstack.bench.report;

import io.devstack.bench.Endpoint;
import io.devstack.bench.Results;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** The report's charts as SVG (JFreeChart drawn into JFreeSVG's Graphics2D, no display needed). */
final class Charts {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 380;
    private static final Color[] SERIES = {
        new Color(0x4e79a7),
        new Color(0xf28e2b),
        new Color(0x59a14f),
        new Color(0xe15759),
        new Color(0x76b7b2),
        new Color(0x9c755f),
        new Color(0xbab0ac)
    };

    private final Results results;
    private final ReportTables tables;

    Charts(Results results, ReportTables tables) {
        this.results = results;
        this.tables = tables;
    }

    /** File name (without .svg) → SVG document, in the order the report shows them. */
    Map<String, String> all() {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("throughput-share-of-fastest", shareOfFastest());
        charts.put("throughput", throughput());
        charts.put("p99-at-half-rate", p99AtHalf());
        for (Endpoint endpoint : List.of(Endpoint.HEALTH, Endpoint.CACHE_GET)) {
            if (results.plan().endpoints().contains(endpoint.id())) {
                charts.put("latency-" + endpoint.id(), percentiles(endpoint));
            }
        }
        charts.put("start-time", startTime());
        charts.put("rss", rss());
        return charts;
    }

    private String shareOfFastest() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String endpoint : results.plan().endpoints()) {
            tables.fastest(endpoint).ifPresent(fastest -> {
                double top = fastest.endpoint(endpoint).throughput().median();
                results.apis()
                        .forEach(api -> data.addValue(
                                100 * api.endpoint(endpoint).throughput().median() / top, api.name(), endpoint));
            });
        }
        return svg(bars(
                "Throughput as % of the fastest API per endpoint (higher is better)", "% of fastest", data, false));
    }

    private String throughput() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String endpoint : results.plan().endpoints()) {
            results.apis()
                    .forEach(api ->
                            data.addValue(api.endpoint(endpoint).throughput().median(), api.name(), endpoint));
            tables.baseline(endpoint).ifPresent(b -> data.addValue(b.median(), "baseline", endpoint));
        }
        return svg(bars("Highest sustained throughput, req/s (log scale)", "req/s", data, true));
    }

    private String p99AtHalf() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String endpoint : results.plan().endpoints()) {
            for (Results.Server api : results.apis()) {
                Results.OpenLevel half = api.endpoint(endpoint).level(0.5);
                if (half != null) {
                    data.addValue(Math.max(0.01, half.p99().median()), api.name(), endpoint);
                }
            }
        }
        return svg(bars(
                "p99 latency at 50% of each API's highest rate, ms (log scale, lower is better)", "ms", data, true));
    }

    private String percentiles(Endpoint endpoint) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Results.Server api : results.apis()) {
            Results.OpenLevel half = api.endpoint(endpoint.id()).level(0.5);
            if (half == null) {
                continue;
            }
            data.addValue(Math.max(0.01, half.p50().median()), api.name(), "p50");
            data.addValue(Math.max(0.01, half.p90().median()), api.name(), "p90");
            data.addValue(Math.max(0.01, half.p99().median()), api.name(), "p99");
            data.addValue(Math.max(0.01, half.p999().median()), api.name(), "p99.9");
            data.addValue(Math.max(0.01, half.max().median()), api.name(), "max");
        }
        return svg(bars(
                "Latency percentiles of " + endpoint.label() + " at 50% of each API's highest rate, ms (log scale)",
                "ms",
                data,
                true));
    }

    private String startTime() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        results.apis().forEach(api -> data.addValue(api.startMillis(), "start to healthy /health/all", api.name()));
        return svg(bars("Start time to a healthy /health/all, ms (lower is better)", "ms", data, false));
    }

    private String rss() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Results.Server api : results.apis()) {
            data.addValue(api.rssIdleMb(), "idle", api.name());
            data.addValue(api.rssPeakMb(), "peak under load", api.name());
            data.addValue(api.rssAfterMb(), "after load", api.name());
        }
        return svg(bars("Resident memory, MB", "MB", data, false));
    }

    private static JFreeChart bars(String title, String axis, DefaultCategoryDataset data, boolean log) {
        JFreeChart chart =
                ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        for (int i = 0; i < SERIES.length; i++) {
            renderer.setSeriesPaint(i, SERIES[i]);
        }
        if (log) {
            LogAxis range = new LogAxis(axis);
            range.setSmallestValue(0.01);
            plot.setRangeAxis(range);
            renderer.setBase(0.01);
        }
        return chart;
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGDocument();
    }
}
