package io.devstack.api.micronaut;

import io.devstack.common.ApiServices;
import io.devstack.common.service.VaultService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /examples/vault/secret/{service_name}[/{key}]}: masked reads through common's secret cache. */
@Controller(produces = MediaType.ALL, consumes = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
final class VaultEndpoints {

    private final VaultService vault;

    VaultEndpoints(ApiServices services) {
        this.vault = services.vault();
    }

    @Get("/examples/vault/secret/{service_name}")
    HttpResponse<byte[]> secret(@PathVariable("service_name") String serviceName) {
        return Responses.write(vault.secret(serviceName));
    }

    @Get("/examples/vault/secret/{service_name}/{key}")
    HttpResponse<byte[]> secretKey(@PathVariable("service_name") String serviceName, @PathVariable String key) {
        return Responses.write(vault.secretKey(serviceName, key));
    }
}
