package io.devstack.api.spring;

import io.devstack.common.service.ServiceInfoService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}, the OpenAPI document, Swagger UI and the Prometheus scrape. */
@RestController
class ServiceInfoEndpoints {

    private final ServiceInfoService info;

    ServiceInfoEndpoints(ServiceInfoService info) {
        this.info = info;
    }

    @GetMapping("/")
    ResponseEntity<byte[]> info() {
        return Responses.write(info.info());
    }

    @GetMapping("/openapi.json")
    ResponseEntity<byte[]> openApi() {
        return Responses.write(info.openApi());
    }

    @GetMapping("/docs")
    ResponseEntity<byte[]> docs() {
        return Responses.write(info.docs());
    }

    @GetMapping("/docs/{asset}")
    ResponseEntity<byte[]> docsAsset(@PathVariable String asset) {
        return Responses.write(info.docsAsset(asset));
    }

    @GetMapping("/metrics")
    ResponseEntity<byte[]> metrics() {
        return Responses.write(info.metrics());
    }
}
