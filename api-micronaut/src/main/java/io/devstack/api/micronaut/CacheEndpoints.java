package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.service.CacheService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET|POST|DELETE /examples/cache/{key}}; the raw body and query go to common, which validates them. */
@Controller(produces = MediaType.ALL, consumes = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class CacheEndpoints {

    private final CacheService cache;

    CacheEndpoints(ApiServices services) {
        this.cache = services.cache();
    }

    @Get("/examples/cache/{key}")
    HttpResponse<byte[]> get(@PathVariable String key) {
        return Responses.write(cache.get(key));
    }

    @Post("/examples/cache/{key}")
    HttpResponse<byte[]> set(
            @PathVariable String key,
            @Nullable @QueryValue String value,
            @Nullable @QueryValue String ttl,
            @Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType,
            @Nullable @Body byte[] body) {
        return Responses.write(cache.set(key, value, ttl, contentType, body));
    }

    @Delete("/examples/cache/{key}")
    HttpResponse<byte[]> delete(@PathVariable String key) {
        return Responses.write(cache.delete(key));
    }
}
