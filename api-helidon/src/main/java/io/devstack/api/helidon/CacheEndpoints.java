package io.devstack.api.helidon;

import io.devstack.common.service.CacheService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET|POST|DELETE /examples/cache/{key}}. */
final class CacheEndpoints implements HttpService {

    private final CacheService cache;

    CacheEndpoints(CacheService cache) {
        this.cache = cache;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/examples/cache/{key}", this::get)
                .post("/examples/cache/{key}", this::set)
                .delete("/examples/cache/{key}", this::delete);
    }

    private void get(ServerRequest req, ServerResponse res) {
        Responses.write(res, cache.get(Responses.pathParam(req, "key")));
    }

    private void set(ServerRequest req, ServerResponse res) {
        Responses.write(
                res,
                cache.set(
                        Responses.pathParam(req, "key"),
                        req.query().first("value").orElse(null),
                        req.query().first("ttl").orElse(null),
                        req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null),
                        Responses.body(req)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Responses.write(res, cache.delete(Responses.pathParam(req, "key")));
    }
}
