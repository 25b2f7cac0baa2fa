package io.devstack.fault;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One cell of the report: one fault, one API (serializable: the full-disk fault runs in a child JVM). */
final class Outcome implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Recovery the suite aims for once the backend is back (docs/api-contract.md: an API recovers without a restart).
     */
    static final Duration RECOVERY_TARGET = Duration.ofSeconds(5);

    final String fault;
    final String api;
    final Observations observed = new Observations();
    String healthWhileDown = "-";
    String healthAfter = "-";
    Duration recovery;
    final List<String> failures = new ArrayList<>();
    /** Worth knowing, not a failure (e.g. a restart that needed a second {@code up}). */
    final List<String> notes = new ArrayList<>();

    Outcome(String fault, String api) {
        this.fault = fault;
        this.api = api;
    }

    /** The reasons this cell fails the build: a 500, a hang, a crashed or unreachable API, a bad 503, no recovery. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(failures);
        if (observed.count(500) > 0) {
            problems.add(observed.count(500) + " answers 500");
        }
        if (observed.hangs() > 0) {
            problems.add(observed.hangs() + " requests without an answer within the deadline");
        }
        if (observed.unreachable() > 0) {
            problems.add(observed.unreachable() + " connections refused (API down?)");
        }
        if (healthWhileDown.equals("no answer") || healthAfter.startsWith("no answer")) {
            problems.add("/health/all did not answer within the deadline");
        }
        if (observed.bad503() > 0) {
            problems.add(observed.bad503() + " answers 503 without the envelope or Retry-After");
        }
        return problems;
    }

    String recoveryText() {
        return recovery == null ? "-" : String.format("%.1f s", recovery.toMillis() / 1000.0);
    }

    boolean slowRecovery() {
        return recovery != null && recovery.compareTo(RECOVERY_TARGET) > 0;
    }
}
