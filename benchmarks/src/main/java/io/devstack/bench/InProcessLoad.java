package io.devstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The closed model for in-process work: {@code concurrency} threads, each calling the work back to back. */
final class InProcessLoad {

    private InProcessLoad() {}

    static RunResult closed(RawClients.Work work, int concurrency, Duration window) {
        long end = System.nanoTime() + window.toNanos();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Tally tally = new Tally();
            tallies.add(tally);
            threads.add(Thread.ofPlatform().name("baseline-" + i).start(() -> {
                for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
                    try {
                        work.call().run();
                        long now = System.nanoTime();
                        if (now <= end) {
                            tally.answered(200, now - sent);
                        }
                    } catch (Exception e) {
                        tally.failed(e, System.nanoTime() - sent);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        Tally total = new Tally();
        tallies.forEach(total::add);
        return total.result(RunResult.CLOSED, 0, window.toNanos() / 1e9);
    }
}
