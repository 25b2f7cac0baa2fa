package io.devstack.fault;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one API answered while one fault was on: status codes counted, and every answer the contract forbids under a
 * fault (a 500, no answer within the deadline, a refused connection, a 503 without the envelope or Retry-After).
 */
final class Observations implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger hangs = new AtomicInteger();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final AtomicInteger bad503 = new AtomicInteger();
    private final AtomicInteger closedEarly = new AtomicInteger();

    void status(int status, boolean envelopeWithRetryAfter) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status == 503 && !envelopeWithRetryAfter) {
            bad503.incrementAndGet();
        }
    }

    void hang() {
        hangs.incrementAndGet();
    }

    /** The server stopped reading a body it had refused and closed the connection: an answer, not a hang. */
    void closedEarly() {
        closedEarly.incrementAndGet();
    }

    void connectionRefused() {
        unreachable.incrementAndGet();
    }

    int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    int hangs() {
        return hangs.get();
    }

    int unreachable() {
        return unreachable.get();
    }

    int bad503() {
        return bad503.get();
    }

    /** e.g. {@code 200×412 503×37}. */
    String codes() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(statuses)
                .forEach((status, n) -> text.append(text.isEmpty() ? "" : " ")
                        .append(status)
                        .append('×')
                        .append(n.get()));
        if (hangs.get() > 0) {
            text.append(" hang×").append(hangs.get());
        }
        if (closedEarly.get() > 0) {
            text.append(" closed×").append(closedEarly.get());
        }
        if (unreachable.get() > 0) {
            text.append(" refused×").append(unreachable.get());
        }
        return text.isEmpty() ? "-" : text.toString();
    }
}
