package io.devstack.infra.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    @Test
    void theDelayDoublesWithEachCrashInTheWindowUntilThePolicyGivesUp() {
        List<Instant> crashes = new ArrayList<>();
        List<Optional<Duration>> delays = new ArrayList<>();
        for (int i = 0; i < RestartPolicy.GIVE_UP_AFTER; i++) {
            crashes.add(NOW.plusSeconds(i));
            delays.add(RestartPolicy.DEFAULT.nextDelay(crashes, NOW.plusSeconds(i)));
        }

        assertThat(delays)
                .containsExactly(
                        Optional.of(Duration.ofSeconds(1)),
                        Optional.of(Duration.ofSeconds(2)),
                        Optional.of(Duration.ofSeconds(4)),
                        Optional.empty());
    }

    @Test
    void crashesOlderThanTheWindowAreForgotten() {
        Instant later = NOW.plus(RestartPolicy.WINDOW).plusSeconds(1);
        List<Instant> crashes = List.of(NOW, NOW.plusMillis(1), NOW.plusMillis(2), later);

        assertThat(RestartPolicy.DEFAULT.nextDelay(crashes, later)).contains(Duration.ofSeconds(1));
    }

    @Test
    void theDelayNeverExceedsTheCap() {
        RestartPolicy patient =
                new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 100, Duration.ofHours(1));
        List<Instant> crashes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            crashes.add(NOW.plusSeconds(i));
        }

        assertThat(patient.nextDelay(crashes, NOW.plusSeconds(60))).contains(Duration.ofSeconds(30));
    }
}
