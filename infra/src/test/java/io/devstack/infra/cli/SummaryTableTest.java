package io.devstack.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.runtime.StackReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void rendersAlignedColumnsAndTheStartTime() {
        StackReport report = new StackReport(
                List.of(
                        new StackReport.Row(
                                "vault", "http://127.0.0.1:8200", "healthy", "./devstack vault token (root token)"),
                        new StackReport.Row(
                                "postgres",
                                "127.0.0.1:5432",
                                "healthy",
                                "./devstack vault show-password postgres (user dev_admin)"),
                        new StackReport.Row("forgejo", "-", "compose only", "-")),
                Duration.ofMillis(6_640),
                StackReport.StartKind.RESTART);

        assertThat(SummaryTable.render(report)).isEqualTo("""
                SERVICE   ADDRESS                STATUS        CREDENTIALS
                --------  ---------------------  ------------  --------------------------------------------------------
                vault     http://127.0.0.1:8200  healthy       ./devstack vault token (root token)
                postgres  127.0.0.1:5432         healthy       ./devstack vault show-password postgres (user dev_admin)
                forgejo   -                      compose only  -

                Ready in 6.6 s (restart with existing state).
                """);
    }
}
