package io.devstack.infra.container;

import java.time.Duration;
import java.util.List;

/**
 * A container health check that proves the service is usable (an authenticated call where the service has
 * credentials), run by the engine inside the container; {@code tools} names the executables it needs from the
 * image, so a test can hold them against what each image ships.
 */
public record HealthCheck(
        String shellCommand,
        List<String> tools,
        Duration interval,
        Duration timeout,
        int retries,
        Duration startPeriod) {

    public HealthCheck {
        tools = List.copyOf(tools);
    }

    /** A {@code CMD-SHELL} check with the stack's usual timing (10 s interval, 5 s timeout, 30 retries). */
    public static HealthCheck shell(String command, String... tools) {
        return new HealthCheck(
                command, List.of(tools), Duration.ofSeconds(10), Duration.ofSeconds(5), 30, Duration.ofSeconds(20));
    }

    /** The same check with a longer grace period for slow first starts (database init, JVM warm-up). */
    public HealthCheck startingWithin(Duration period) {
        return new HealthCheck(shellCommand, tools, interval, timeout, retries, period);
    }
}
