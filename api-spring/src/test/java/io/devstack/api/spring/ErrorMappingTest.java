package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

/** Failures that Spring MVC or Tomcat would otherwise answer in their own words. */
class ErrorMappingTest extends AgainstNativeStack {

    @Test
    void unknownRoutesAreNotFoundIncludingSpringsOwnErrorPath() {
        assertEnvelope(get("/nowhere"), 404, "NotFound");
        assertEnvelope(get("/error"), 404, "NotFound");
        assertEnvelope(get("/health/all/"), 404, "NotFound");
    }

    @Test
    void aKnownRouteWithAnotherMethodIsMethodNotAllowedWithAllow() {
        EntityExchangeResult<String> put = http.put().uri("/examples/cache/k").exchange().returnResult(String.class);

        assertEnvelope(put, 405, "MethodNotAllowed");
        assertThat(put.getResponseHeaders().getFirst("Allow")).isEqualTo("DELETE, GET, POST");
    }

    @Test
    void anEncodedSlashInAPathSegmentIsValidatedNotRejectedByTomcat() {
        EntityExchangeResult<String> slash = get("/examples/vault/secret/a%2Fb");

        assertEnvelope(slash, 422, "ValidationError");
        assertThat(slash.getResponseBody()).contains("\"input\":\"a/b\"");
    }

    @Test
    void anUnknownSwaggerAssetIsNotFound() {
        assertEnvelope(get("/docs/..%2Fapplication.properties"), 404, "NotFound");
    }
}
