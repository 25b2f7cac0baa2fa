package io.devstack.api.javalin;

import io.devstack.common.service.ServiceInfoService;
import io.javalin.http.Context;

/** {@code /}, {@code /openapi.json}, {@code /docs}, {@code /docs/{asset}}, {@code /metrics}. */
final class ServiceInfoEndpoints {

    private final ServiceInfoService info;

    ServiceInfoEndpoints(ServiceInfoService info) {
        this.info = info;
    }

    void root(Context ctx) {
        Responses.write(ctx, info.info());
    }

    void openApi(Context ctx) {
        Responses.write(ctx, info.openApi());
    }

    void docs(Context ctx) {
        Responses.write(ctx, info.docs());
    }

    void docsAsset(Context ctx) {
        Responses.write(ctx, info.docsAsset(ctx.pathParam("asset")));
    }

    void metrics(Context ctx) {
        Responses.write(ctx, info.metrics());
    }
}
