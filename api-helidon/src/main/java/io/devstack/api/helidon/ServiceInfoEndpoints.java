package io.devstack.api.helidon;

import io.devstack.common.service.ServiceInfoService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /}, {@code /openapi.json}, {@code /docs}, {@code /docs/{asset}}, {@code /metrics}. */
final class ServiceInfoEndpoints implements HttpService {

    private final ServiceInfoService info;

    ServiceInfoEndpoints(ServiceInfoService info) {
        this.info = info;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::info)
                .get("/openapi.json", this::openApi)
                .get("/docs", this::docs)
                .get("/docs/{asset}", this::docsAsset)
                .get("/metrics", this::metrics);
    }

    private void info(ServerRequest req, ServerResponse res) {
        Responses.write(res, info.info());
    }

    private void openApi(ServerRequest req, ServerResponse res) {
        Responses.write(res, info.openApi());
    }

    private void docs(ServerRequest req, ServerResponse res) {
        Responses.write(res, info.docs());
    }

    private void docsAsset(ServerRequest req, ServerResponse res) {
        Responses.write(res, info.docsAsset(Responses.pathParam(req, "asset")));
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        Responses.write(res, info.metrics());
    }
}
