package io.devstack.infra.runtime;

import java.time.Duration;
import java.util.List;

/** What {@code up} did: one row per selected service, how long it took and what kind of start it was. */
public record StackReport(List<Row> rows, Duration elapsed, StartKind kind) {

    public StackReport {
        rows = List.copyOf(rows);
    }

    /** One line of the summary table. */
    public record Row(String service, String address, String status, String credentials) {}

    public enum StartKind {
        /** A new DevStack home: binaries unpacked (if not cached), Vault initialised, databases created. */
        FIRST_START("first start of this home"),
        /** Existing state reused: same Vault, same secrets, same data. */
        RESTART("restart with existing state"),
        /** Everything was running already; only readiness was checked. */
        ALREADY_RUNNING("already running");

        private final String label;

        StartKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
