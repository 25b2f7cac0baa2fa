package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

/** What {@link FrontFilter} adds to every answer through common's HttpFront. */
class FrontFilterTest extends ApiTestBase {

    @Test
    void anAcceptableRequestIdIsEchoedOnceAndAnyOtherIsReplaced() {
        EntityExchangeResult<String> echoed = http.get()
                .uri("/health/")
                .header("X-Request-ID", "trace-42.a_b")
                .exchange()
                .returnResult(String.class);
        assertThat(echoed.getResponseHeaders().get("X-Request-ID")).containsExactly("trace-42.a_b");

        EntityExchangeResult<String> replaced = http.get()
                .uri("/health/")
                .header("X-Request-ID", "not ok!")
                .exchange()
                .returnResult(String.class);
        assertThat(replaced.getResponseHeaders().getFirst("X-Request-ID"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

        EntityExchangeResult<String> error = http.get()
                .uri("/nowhere")
                .header("X-Request-ID", "err-1")
                .exchange()
                .returnResult(String.class);
        assertThat(error.getResponseHeaders().get("X-Request-ID")).containsExactly("err-1");
        assertThat(error.getResponseBody()).endsWith("\"request_id\":\"err-1\"}");
    }

    @Test
    void corsPreflightIsAnsweredForAnAllowedOriginOnly() {
        EntityExchangeResult<String> allowed = http.options()
                .uri("/examples/cache/k")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .returnResult(String.class);
        assertThat(allowed.getStatus().value()).isEqualTo(200);
        assertThat(allowed.getResponseHeaders().getFirst("Access-Control-Allow-Origin"))
                .isEqualTo("http://localhost:3000");
        assertThat(allowed.getResponseHeaders().getFirst("Access-Control-Allow-Credentials"))
                .isEqualTo("true");

        EntityExchangeResult<String> simple = http.get()
                .uri("/health/")
                .header("Origin", "http://127.0.0.1:8004")
                .exchange()
                .returnResult(String.class);
        assertThat(simple.getResponseHeaders().getFirst("Access-Control-Allow-Origin"))
                .isEqualTo("http://127.0.0.1:8004");

        EntityExchangeResult<String> foreign = http.get()
                .uri("/health/")
                .header("Origin", "http://evil.example")
                .exchange()
                .returnResult(String.class);
        assertThat(foreign.getResponseHeaders().headerNames()).noneMatch(name -> name.startsWith("Access-Control-"));
    }

    /** Over a bare socket: HTTP clients refuse to declare a length they do not send. */
    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("POST /examples/cache/k HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 20000000\r\nX-Request-ID:"
                                    + " big-1\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = readResponse(socket.getInputStream());

            assertThat(response)
                    .startsWith("HTTP/1.1 413")
                    .contains("X-Request-ID: big-1")
                    .endsWith("{\"error\":\"PayloadTooLarge\",\"message\":\"Request body exceeds 10485760 bytes (10"
                            + " MiB)\","
                            + "\"status_code\":413,\"details\":{},\"request_id\":\"big-1\"}");
        }
    }

    /** Head and body of one response by its Content-Length: the server waits for the announced body otherwise. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("connection closed inside the response head: " + head);
            }
            head.append((char) next);
        }
        Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(head);
        assertThat(length.find()).isTrue();
        return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }
}
