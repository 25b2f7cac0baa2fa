package io.devstack.api.spring;

import io.devstack.common.service.HealthService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /health} (307 to {@code /health/}), liveness, one probe per backend, and all six at once. */
@RestController
class HealthEndpoints {

    private final HealthService health;

    HealthEndpoints(HealthService health) {
        this.health = health;
    }

    @GetMapping("/health")
    ResponseEntity<byte[]> redirect() {
        return Responses.write(health.redirect());
    }

    @GetMapping("/health/")
    ResponseEntity<byte[]> health() {
        return Responses.write(health.health());
    }

    @GetMapping("/health/vault")
    ResponseEntity<byte[]> vault() {
        return Responses.write(health.vault());
    }

    @GetMapping("/health/postgres")
    ResponseEntity<byte[]> postgres() {
        return Responses.write(health.postgres());
    }

    @GetMapping("/health/mysql")
    ResponseEntity<byte[]> mysql() {
        return Responses.write(health.mysql());
    }

    @GetMapping("/health/mongodb")
    ResponseEntity<byte[]> mongodb() {
        return Responses.write(health.mongodb());
    }

    @GetMapping("/health/redis")
    ResponseEntity<byte[]> redis() {
        return Responses.write(health.redis());
    }

    @GetMapping("/health/rabbitmq")
    ResponseEntity<byte[]> rabbitmq() {
        return Responses.write(health.rabbitmq());
    }

    @GetMapping("/health/all")
    ResponseEntity<byte[]> all(
            @RequestHeader(value = HttpHeaders.CACHE_CONTROL, required = false) String cacheControl) {
        return Responses.write(health.all(HealthService.bypassesCache(cacheControl)));
    }
}
