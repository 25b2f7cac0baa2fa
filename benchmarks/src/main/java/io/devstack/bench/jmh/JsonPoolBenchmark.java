package io.devstack.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devstack.common.json.Json;
import io.devstack.common.service.CacheService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The before and after of one fix, in the same run: a response body written on a fresh virtual thread, as Spring (with
 * virtual threads) and Helidon write each request's, by common's mapper with Jackson's default buffer pool (one per
 * thread, so a thread that lives for one request always gets fresh 16 KB buffers) and with the shared pool common now
 * uses. Run with {@code -prof gc} to see the allocation per body next to the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonPoolBenchmark {

    /** {@code per-thread}: Jackson's default (before); {@code shared}: common's mapper as it is (after). */
    @Param({"per-thread", "shared"})
    public String pool;

    private final CacheService.Entry entry = new CacheService.Entry("bench:key", "benchmark-value", true, 3599L);
    private ObjectMapper mapper;

    @Setup
    public void setUp() {
        mapper = pool.equals("shared")
                ? Json.mapper()
                // the same serialization settings as common's mapper, over a factory with the default pool
                : new ObjectMapper(JsonFactory.builder()
                                .recyclerPool(JsonRecyclerPools.threadLocalPool())
                                .build())
                        .setConfig(Json.mapper().getSerializationConfig());
    }

    /** One body on one new virtual thread: the thread's start and join cost the same in both pools. */
    @Benchmark
    public byte[] bodyOnAFreshVirtualThread() throws Exception {
        AtomicReference<byte[]> body = new AtomicReference<>();
        Thread.ofVirtual().start(() -> body.set(write())).join();
        return body.get();
    }

    private byte[] write() {
        try {
            return mapper.writeValueAsBytes(entry);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
