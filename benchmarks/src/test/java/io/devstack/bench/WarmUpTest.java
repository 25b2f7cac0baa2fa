package io.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up's stopping rules, fed with fixed windows (pure logic: no load is generated). */
class WarmUpTest {

    /** JIT CPU seconds in a one-second window: busy is 45% of a CPU, winding down 8%, quiet 1%. */
    private static final double BUSY = 0.45;

    private static final double WINDING_DOWN = 0.08;

    private static final double QUIET = 0.01;

    private static WarmUp.Outcome run(List<WarmUp.Window> windows, double minSeconds, double maxSeconds) {
        Iterator<WarmUp.Window> next = windows.iterator();
        return WarmUp.untilWarm(next::next, 1, minSeconds, maxSeconds);
    }

    private static WarmUp.Window busy(double rate) {
        return new WarmUp.Window(rate, BUSY);
    }

    private static WarmUp.Window windingDown(double rate) {
        return new WarmUp.Window(rate, WINDING_DOWN);
    }

    private static WarmUp.Window quiet(double rate) {
        return new WarmUp.Window(rate, QUIET);
    }

    @Test
    void aRisingRateIsWarmedUntilItSettlesWhileTheJitWindsDown() {
        WarmUp.Outcome outcome = run(
                List.of(
                        busy(2_000),
                        busy(3_300),
                        busy(6_000),
                        windingDown(9_000),
                        windingDown(9_300),
                        windingDown(9_100),
                        busy(1)),
                2,
                20);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.RATE_STEADY);
        assertThat(outcome.seconds()).isEqualTo(6);
        assertThat(outcome.windows())
                .extracting(WarmUp.Window::rate)
                .containsExactly(2_000.0, 3_300.0, 6_000.0, 9_000.0, 9_300.0, 9_100.0);
    }

    @Test
    void aNoisyRateEndsOnceTheJitHasBeenQuietForTwoWindows() {
        WarmUp.Outcome outcome =
                run(List.of(busy(2_000), busy(6_000), quiet(9_000), quiet(7_000), busy(1), busy(1)), 2, 20);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.JIT_QUIET);
        assertThat(outcome.seconds()).isEqualTo(4);
        assertThat(outcome.settled()).isTrue();
    }

    @Test
    void oneQuietWindowBetweenCompilationsIsNotEnough() {
        WarmUp.Outcome outcome =
                run(List.of(busy(2_000), quiet(6_000), busy(7_000), quiet(9_000), quiet(5_000), busy(1)), 2, 20);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.JIT_QUIET);
        assertThat(outcome.seconds()).isEqualTo(5);
    }

    @Test
    void aQuietJitStillGetsTheMinimum() {
        WarmUp.Outcome outcome =
                run(List.of(quiet(9_000), quiet(9_000), quiet(9_000), quiet(9_000), quiet(9_000), busy(1)), 5, 20);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.JIT_QUIET);
        assertThat(outcome.seconds()).isEqualTo(5);
    }

    @Test
    void aSteadyRateWithTheJitStillBusyIsNotWarm() {
        WarmUp.Outcome outcome =
                run(List.of(busy(6_400), busy(4_200), busy(4_200), busy(4_200), busy(4_200), busy(4_200)), 2, 6);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.LIMIT);
    }

    @Test
    void aSteadyRateWithTheJitAtAFifthOfACpuIsNotWarmEither() {
        WarmUp.Window compiling = new WarmUp.Window(5_800, 0.2);
        WarmUp.Outcome outcome = run(List.of(busy(4_400), compiling, compiling, compiling, compiling), 2, 5);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.LIMIT);
    }

    @Test
    void aSteadyRateWhileTheJitWindsDownIsWarm() {
        WarmUp.Outcome outcome =
                run(List.of(busy(2_000), windingDown(4_200), windingDown(4_200), windingDown(4_200), busy(1)), 2, 20);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.RATE_STEADY);
        assertThat(outcome.seconds()).isEqualTo(4);
    }

    @Test
    void noAnswersIsNeverWarmEvenWithTheJitAtRest() {
        WarmUp.Outcome outcome = run(List.of(quiet(0), quiet(0), quiet(0), quiet(0)), 2, 4);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.LIMIT);
        assertThat(outcome.settled()).isFalse();
    }

    @Test
    void aRateThatNeverSettlesWithTheJitBusyStopsAtTheMaximumMarkedNotSettled() {
        WarmUp.Outcome outcome =
                run(List.of(busy(1_000), busy(2_000), busy(4_000), busy(8_000), busy(16_000), busy(32_000)), 2, 4);

        assertThat(outcome.end()).isEqualTo(WarmUp.End.LIMIT);
        assertThat(outcome.seconds()).isEqualTo(4);
    }

    @Test
    void steadyNeedsThreeWindowsWithinTenPercentAndNoneAtZero() {
        assertThat(WarmUp.steady(List.of(9_000.0, 9_000.0))).isFalse();
        assertThat(WarmUp.steady(List.of(9_000.0, 9_500.0, 9_900.0))).isTrue();
        assertThat(WarmUp.steady(List.of(9_000.0, 9_500.0, 9_901.0))).isFalse();
        assertThat(WarmUp.steady(List.of(0.0, 0.0, 0.0))).isFalse();
    }

    @Test
    void quietMeansUnderFivePercentOfTheWindowInEachOfTheLastTwo() {
        assertThat(WarmUp.jitQuiet(List.of(new WarmUp.Window(100, 0.049), new WarmUp.Window(100, 0.049)), 1))
                .isTrue();
        assertThat(WarmUp.jitQuiet(List.of(new WarmUp.Window(100, 0.049), new WarmUp.Window(100, 0.05)), 1))
                .isFalse();
        assertThat(WarmUp.jitQuiet(List.of(new WarmUp.Window(100, 0.02)), 1)).isFalse();
        assertThat(WarmUp.jitQuiet(List.of(new WarmUp.Window(100, 0.02), new WarmUp.Window(100, 0.02)), 0.5))
                .isTrue();
    }
}
