package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiSettings;
import io.devstack.testsupport.NativeStack;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole application on a random port, its settings taken from the native stack (started once per JVM if
 * not already running) instead of the process environment. Every subclass shares one Spring context, so the
 * application starts once for all the *EndpointsTest classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestBase {

    /** Replaces {@link Wiring#apiSettings()}, which reads {@code System.getenv()}. */
    @TestBean(name = "apiSettings", methodName = "nativeStackSettings")
    ApiSettings settings;

    @LocalServerPort
    int port;

    RestTestClient http;

    static ApiSettings nativeStackSettings() {
        return ApiSettings.fromEnvironment(NativeStack.shared().apiEnvironment("api-spring"), ApiModule.SPRING);
    }

    @BeforeEach
    void connect() {
        // the JDK client sends exactly what a test says and follows no redirect (the 307 is asserted as such)
        http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                .baseUrl(base())
                .build();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A path sent as written (percent-escapes and all), which a URI template would encode again. */
    URI raw(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    EntityExchangeResult<String> get(String pathAndQuery) {
        return http.get().uri(raw(pathAndQuery)).exchange().returnResult(String.class);
    }

    /** Asserts the contract's error envelope, keys in order, with the response's own request id. */
    static void assertEnvelope(EntityExchangeResult<String> response, int status, String error) {
        assertThat(response.getStatus().value()).isEqualTo(status);
        assertThat(response.getResponseHeaders().getFirst("Content-Type")).isEqualTo("application/json");
        String requestId = response.getResponseHeaders().getFirst("X-Request-ID");
        assertThat(requestId).isNotBlank();
        assertThat(response.getResponseBody())
                .startsWith("{\"error\":\"" + error + "\",\"message\":")
                .contains(",\"status_code\":" + status + ",\"details\":{")
                .endsWith(",\"request_id\":\"" + requestId + "\"}");
    }
}
