package io.devstack.infra.cli;

import io.devstack.infra.runtime.StackReport;
import java.util.Locale;

/** The table {@code up} ends with: service, address, status, how to get its credentials, and the start time. */
final class SummaryTable {

    private SummaryTable() {}

    static String render(StackReport report) {
        TextTable table = new TextTable("service", "address", "status", "credentials");
        report.rows().forEach(r -> table.row(r.service(), r.address(), r.status(), r.credentials()));
        return table.render()
                + String.format(
                        Locale.ROOT,
                        "%nReady in %.1f s (%s).%n",
                        report.elapsed().toMillis() / 1000.0,
                        report.kind().label());
    }
}
