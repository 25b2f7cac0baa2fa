package io.devstack.api.helidon;

import io.devstack.common.service.HealthService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /health} (307), {@code /health/}, one route per backend, {@code /health/all}. */
final class HealthEndpoints implements HttpService {

    private final HealthService health;

    HealthEndpoints(HealthService health) {
        this.health = health;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::redirect)
                .get("/health/", this::health)
                .get("/health/vault", (req, res) -> Responses.write(res, health.vault()))
                .get("/health/postgres", (req, res) -> Responses.write(res, health.postgres()))
                .get("/health/mysql", (req, res) -> Responses.write(res, health.mysql()))
                .get("/health/mongodb", (req, res) -> Responses.write(res, health.mongodb()))
                .get("/health/redis", (req, res) -> Responses.write(res, health.redis()))
                .get("/health/rabbitmq", (req, res) -> Responses.write(res, health.rabbitmq()))
                .get("/health/all", this::all);
    }

    private void redirect(ServerRequest req, ServerResponse res) {
        Responses.write(res, health.redirect());
    }

    private void health(ServerRequest req, ServerResponse res) {
        Responses.write(res, health.health());
    }

    private void all(ServerRequest req, ServerResponse res) {
        String cacheControl = req.headers().first(HeaderNames.CACHE_CONTROL).orElse(null);
        Responses.write(res, health.all(HealthService.bypassesCache(cacheControl)));
    }
}
