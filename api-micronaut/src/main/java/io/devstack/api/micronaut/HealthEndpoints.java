package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.service.HealthService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /health} (307), {@code /health/}, one route per backend, {@code /health/all}. */
@Controller(produces = MediaType.ALL, consumes = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthEndpoints {

    private final HealthService health;

    HealthEndpoints(ApiServices services) {
        this.health = services.health();
    }

    /** Micronaut drops a template's trailing slash, so {@code /health} and {@code /health/} both land here. */
    @Get("/health")
    HttpResponse<byte[]> health(HttpRequest<?> request) {
        boolean slash = request.getUri().getRawPath().endsWith("/");
        return Responses.write(slash ? health.health() : health.redirect());
    }

    @Get("/health/vault")
    HttpResponse<byte[]> vault() {
        return Responses.write(health.vault());
    }

    @Get("/health/postgres")
    HttpResponse<byte[]> postgres() {
        return Responses.write(health.postgres());
    }

    @Get("/health/mysql")
    HttpResponse<byte[]> mysql() {
        return Responses.write(health.mysql());
    }

    @Get("/health/mongodb")
    HttpResponse<byte[]> mongodb() {
        return Responses.write(health.mongodb());
    }

    @Get("/health/redis")
    HttpResponse<byte[]> redis() {
        return Responses.write(health.redis());
    }

    @Get("/health/rabbitmq")
    HttpResponse<byte[]> rabbitmq() {
        return Responses.write(health.rabbitmq());
    }

    @Get("/health/all")
    HttpResponse<byte[]> all(@Nullable @Header(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return Responses.write(health.all(HealthService.bypassesCache(cacheControl)));
    }
}
