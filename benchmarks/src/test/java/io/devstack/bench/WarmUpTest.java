package io.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up's stopping rule, fed with fixed window rates (pure logic: no load is generated). */
class WarmUpTest {

    private static WarmUp.Outcome run(List<Double> rates, double minSeconds, double maxSeconds) {
        Iterator<Double> next = rates.iterator();
        return WarmUp.untilSteady(next::next, 1, minSeconds, maxSeconds);
    }

    @Test
    void aRisingRateIsWarmedUntilItSettles() {
        WarmUp.Outcome outcome = run(List.of(2_000.0, 3_300.0, 6_000.0, 9_000.0, 9_300.0, 9_100.0, 1.0), 2, 20);

        assertThat(outcome.steady()).isTrue();
        assertThat(outcome.seconds()).isEqualTo(6);
        assertThat(outcome.windowRates()).containsExactly(2_000.0, 3_300.0, 6_000.0, 9_000.0, 9_300.0, 9_100.0);
    }

    @Test
    void aSteadyRateStillGetsTheMinimum() {
        WarmUp.Outcome outcome = run(List.of(9_000.0, 9_000.0, 9_000.0, 9_000.0, 9_000.0, 1.0), 5, 20);

        assertThat(outcome.steady()).isTrue();
        assertThat(outcome.seconds()).isEqualTo(5);
    }

    @Test
    void aRateThatNeverSettlesStopsAtTheMaximumMarkedNotSteady() {
        WarmUp.Outcome outcome = run(List.of(1_000.0, 2_000.0, 4_000.0, 8_000.0, 16_000.0, 32_000.0), 2, 4);

        assertThat(outcome.steady()).isFalse();
        assertThat(outcome.seconds()).isEqualTo(4);
    }

    @Test
    void steadyNeedsThreeWindowsWithinTenPercentAndNoneAtZero() {
        assertThat(WarmUp.steady(List.of(9_000.0, 9_000.0))).isFalse();
        assertThat(WarmUp.steady(List.of(9_000.0, 9_500.0, 9_900.0))).isTrue();
        assertThat(WarmUp.steady(List.of(9_000.0, 9_500.0, 9_901.0))).isFalse();
        assertThat(WarmUp.steady(List.of(0.0, 0.0, 0.0))).isFalse();
    }
}
