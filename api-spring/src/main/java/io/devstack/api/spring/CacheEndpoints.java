package io.devstack.api.spring;

import io.devstack.common.http.RequestBodies;
import io.devstack.common.service.CacheService;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET, SET (query or JSON body) and DELETE of one key on the Redis cluster. */
@RestController
class CacheEndpoints {

    private final CacheService cache;

    CacheEndpoints(CacheService cache) {
        this.cache = cache;
    }

    @GetMapping("/examples/cache/{key}")
    ResponseEntity<byte[]> get(@PathVariable String key) {
        return Responses.write(cache.get(key));
    }

    /**
     * The body comes first among the parameters: once it is read, the servlet container no longer parses a form
     * body into request parameters, so {@code query} holds the query string only (first value of each name).
     * One byte past the limit is read, so common answers 413 without buffering an unbounded chunked body.
     */
    @PostMapping("/examples/cache/{key}")
    ResponseEntity<byte[]> set(
            InputStream body,
            @PathVariable String key,
            @RequestParam Map<String, String> query,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType)
            throws IOException {
        byte[] bytes = body.readNBytes(RequestBodies.MAX_BODY_BYTES + 1);
        return Responses.write(cache.set(key, query.get("value"), query.get("ttl"), contentType, bytes));
    }

    @DeleteMapping("/examples/cache/{key}")
    ResponseEntity<byte[]> delete(@PathVariable String key) {
        return Responses.write(cache.delete(key));
    }
}
