/**
 * The benchmark report: {@code results.json} (every raw figure), {@code report.md} (tables) and {@code index.html}
 * (tables and SVG charts).
 */
package io.devstack.bench.report;
