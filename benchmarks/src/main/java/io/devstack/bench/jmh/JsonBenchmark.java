package io.devstack.bench.jmh;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.http.ErrorResponses;
import io.devstack.common.http.Parameters;
import io.devstack.common.http.ValidationException;
import io.devstack.common.json.Json;
import io.devstack.common.service.CacheService;
import io.devstack.common.vault.SecretMasking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JSON writing of contract bodies and error envelopes, parameter validation and secret masking. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonBenchmark {

    private final CacheService.Entry entry = new CacheService.Entry("bench:key", "benchmark-value", true, 3599L);
    private final Map<String, Object> secret = secret();

    /** The cache GET body: a record through common's one Jackson mapper. */
    @Benchmark
    public byte[] cacheEntryBody() {
        return ApiResponse.ok(entry).body();
    }

    /** A 422 envelope with two validation errors, from the parameter checks to the bytes. */
    @Benchmark
    public byte[] validationErrorEnvelope() {
        try {
            Parameters.check().cacheKey("bad key!").queueNameInQuery("").throwIfInvalid();
            throw new IllegalStateException("the parameters were expected to be invalid");
        } catch (ValidationException e) {
            return ErrorResponses.from(e, "bench-request-1").body();
        }
    }

    /** The checks of a valid cache key (length in code points, pattern). */
    @Benchmark
    public boolean validCacheKey() {
        return Parameters.check().cacheKey("bench:key").valid();
    }

    /** Masking a Vault secret as the Vault example does, then writing it. */
    @Benchmark
    public String maskedSecret() {
        return Json.string(SecretMasking.mask(secret));
    }

    private static Map<String, Object> secret() {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("user", "dev_admin");
        secret.put("password", "x".repeat(25));
        secret.put("database", "dev_database");
        secret.put("tls_enabled", false);
        secret.put("api_token", "y".repeat(40));
        return secret;
    }
}
