package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.service.ServiceInfoService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /}, {@code /openapi.json}, {@code /docs}, {@code /docs/{asset}}, {@code /metrics}. */
@Controller(produces = MediaType.ALL, consumes = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ServiceInfoEndpoints {

    private final ServiceInfoService info;

    ServiceInfoEndpoints(ApiServices services) {
        this.info = services.info();
    }

    @Get("/")
    HttpResponse<byte[]> info() {
        return Responses.write(info.info());
    }

    @Get("/openapi.json")
    HttpResponse<byte[]> openApi() {
        return Responses.write(info.openApi());
    }

    @Get("/docs")
    HttpResponse<byte[]> docs() {
        return Responses.write(info.docs());
    }

    @Get("/docs/{asset}")
    HttpResponse<byte[]> docsAsset(@PathVariable String asset) {
        return Responses.write(info.docsAsset(asset));
    }

    @Get("/metrics")
    HttpResponse<byte[]> metrics() {
        return Responses.write(info.metrics());
    }
}
