package io.devstack.api.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The base of every test that talks to the API: {@code @MicronautTest} (inherited) starts the application once, its
 * settings from the native stack ({@link NativeStackSettings}); each test injects its client. Here: requests through
 * Micronaut's client, and the contract's checks on what comes back.
 */
@MicronautTest
abstract class ApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response of any status: Micronaut's blocking client throws for 4xx/5xx, this does not. */
    record Reply(int status, HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Reply call(HttpClient client, HttpRequest<?> request) {
        try {
            return reply(client.toBlocking().exchange(request, byte[].class));
        } catch (HttpClientResponseException e) {
            return reply(e.getResponse());
        }
    }

    static Reply get(HttpClient client, String uri) {
        return call(client, HttpRequest.GET(uri));
    }

    private static Reply reply(HttpResponse<?> response) {
        return new Reply(
                response.code(),
                response.getHeaders(),
                response.getBody(byte[].class).orElse(new byte[0]));
    }

    static List<String> keys(JsonNode node) {
        return list(node.fieldNames());
    }

    /** A 200 JSON body with exactly {@code keys}, in that order. */
    static JsonNode ok(Reply reply, String... keys) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = reply.json();
        assertThat(keys(body)).containsExactly(keys);
        return body;
    }

    /** The contract's error envelope: keys in order, its status and name, the request id of the header. */
    static JsonNode envelope(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = reply.json();
        assertThat(keys(body)).containsExactly("error", "message", "status_code", "details", "request_id");
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("status_code").asInt()).isEqualTo(status);
        assertThat(body.get("request_id").asText()).isEqualTo(reply.header("X-Request-ID"));
        return body;
    }

    /** The validation errors of a 422 envelope, in order, each as {@code type loc msg}. */
    static List<String> validationErrors(Reply reply) {
        JsonNode errors = envelope(reply, 422, "ValidationError").get("details").get("validation_errors");
        return list(errors.elements()).stream()
                .map(e -> e.get("type").asText() + " " + e.get("loc") + " "
                        + e.get("msg").asText())
                .toList();
    }

    private static <T> List<T> list(Iterator<T> iterator) {
        List<T> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}
