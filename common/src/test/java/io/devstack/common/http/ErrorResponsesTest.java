package io.devstack.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    private static final String RID = "req-1";

    @Test
    void rendersTheEnvelopeByteForByteWithKeysInContractOrder() {
        ApiResponse response = ErrorResponses.from(new BadRequestException("Message cannot be empty"), RID);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.bodyText())
                .isEqualTo("{\"error\":\"BadRequest\",\"message\":\"Message cannot be empty\",\"status_code\":400,"
                        + "\"details\":{},\"request_id\":\"req-1\"}");
    }

    @Test
    void detailsKeepTheirOrderAndNullsAreWritten() {
        ApiResponse notFound = ErrorResponses.from(new ResourceNotFoundException("secret", "nope"), RID);
        assertThat(notFound.bodyText())
                .isEqualTo(
                        "{\"error\":\"ResourceNotFound\",\"message\":\"secret 'nope' not found\",\"status_code\":404,"
                                + "\"details\":{\"resource_type\":\"secret\",\"resource_id\":\"nope\"},"
                                + "\"request_id\":\"req-1\"}");

        ApiResponse nullId = ErrorResponses.from(new BadRequestException("x"), null);
        assertThat(nullId.bodyText()).endsWith(",\"request_id\":null}");
    }

    @Test
    void validationErrorsListTypeLocMsgInputWithNullInputForMissing() {
        ValidationException e = new ValidationException(List.of(
                ValidationError.missing(List.of("query", "value")),
                ValidationError.greaterThanEqual(List.of("query", "ttl"), 1, "0")));

        assertThat(ErrorResponses.from(e, RID).bodyText())
                .isEqualTo(
                        "{\"error\":\"ValidationError\",\"message\":\"Request validation failed\",\"status_code\":422,"
                                + "\"details\":{\"validation_errors\":["
                                + "{\"type\":\"missing\",\"loc\":[\"query\",\"value\"],\"msg\":\"Field required\","
                                + "\"input\":null},"
                                + "{\"type\":\"greater_than_equal\",\"loc\":[\"query\",\"ttl\"],"
                                + "\"msg\":\"Input should be greater than or equal to 1\",\"input\":\"0\"}]},"
                                + "\"request_id\":\"req-1\"}");
    }

    @Test
    void eachEnvelopeNameHasItsStatusDetailsAndHeaders() {
        assertThat(render(new PermissionDeniedException("admin")))
                .contains(
                        "\"error\":\"PermissionDenied\"",
                        "\"status_code\":403",
                        "\"details\":{\"service\":\"vault\",\"secret_path\":\"admin\"}");
        assertThat(render(new NotFoundException("/nope"))).contains("\"error\":\"NotFound\"", "\"status_code\":404");
        assertThat(render(new PayloadTooLargeException("too big")))
                .contains("\"error\":\"PayloadTooLarge\"", "\"status_code\":413");
        assertThat(render(new UnsupportedMediaTypeException("text/plain")))
                .contains("\"error\":\"UnsupportedMediaType\"", "\"status_code\":415");

        ApiResponse methodNotAllowed =
                ErrorResponses.from(new MethodNotAllowedException(Set.of("POST", "GET", "DELETE")), RID);
        assertThat(methodNotAllowed.status()).isEqualTo(405);
        assertThat(methodNotAllowed.headers()).containsEntry("Allow", "DELETE, GET, POST");
        assertThat(methodNotAllowed.bodyText()).contains("\"error\":\"MethodNotAllowed\"");

        ApiResponse unavailable = ErrorResponses.from(new ServiceUnavailableException("redis", "circuit_open"), RID);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.headers()).containsEntry("Retry-After", "5");
        assertThat(unavailable.bodyText()).contains("\"details\":{\"service\":\"redis\",\"reason\":\"circuit_open\"}");

        ApiResponse limited = ErrorResponses.from(new RateLimitedException(100, 60, 42), RID);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers())
                .containsExactly(
                        Map.entry("Retry-After", "42"),
                        Map.entry("X-RateLimit-Limit", "100"),
                        Map.entry("X-RateLimit-Remaining", "0"),
                        Map.entry("X-RateLimit-Reset", "42"));
        assertThat(limited.bodyText())
                .contains("\"error\":\"RateLimited\"", "\"message\":\"Rate limit exceeded: 100 per 1 minute\"");
    }

    @Test
    void anUnknownThrowableIsA500ThatLeaksNothing() {
        ApiResponse response =
                ErrorResponses.from(new IllegalStateException("password=hunter2 at jdbc:postgresql://db"), RID);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText())
                .isEqualTo("{\"error\":\"InternalServerError\",\"message\":\"An unexpected error occurred\","
                        + "\"status_code\":500,"
                        + "\"details\":{},\"request_id\":\"req-1\"}");
    }

    private static String render(ApiException e) {
        return ErrorResponses.from(e, RID).bodyText();
    }
}
