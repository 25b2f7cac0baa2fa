package io.devstack.api.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.devstack.common.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /health} (307), {@code /health/}, each backend, {@code /health/all} and its cache. */
class HealthEndpointsTest extends ApiTestBase {

    private final Http1Client client;

    HealthEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @Test
    void healthWithoutSlashRedirectsToHealthSlash() {
        ClientResponseTyped<String> response =
                client.get("/health").followRedirects(false).request(String.class);

        assertThat(response.status().code()).isEqualTo(307);
        assertThat(response.headers().first(HeaderNames.LOCATION)).hasValue("/health/");
        assertThat(response.headers().first(HeaderNames.create("X-Request-ID"))).isPresent();
    }

    @Test
    void healthSlashTouchesNoBackend() {
        ClientResponseTyped<String> response = client.get("/health/").request(String.class);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.entity()).isEqualTo("{\"status\":\"ok\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vault", "postgres", "mysql", "mongodb", "redis", "rabbitmq"})
    void eachBackendIsHealthy(String backend) throws Exception {
        ClientResponseTyped<String> response = client.get("/health/" + backend).request(String.class);

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(Json.tree(response.entity().getBytes()).get("status").asText())
                .as(response.entity())
                .isEqualTo("healthy");
    }

    @Test
    void allIsCachedUnlessTheRequestSaysNoCache() throws Exception {
        ClientResponseTyped<String> fresh = client.get("/health/all")
                .header(HeaderNames.CACHE_CONTROL, "no-cache")
                .request(String.class);
        ClientResponseTyped<String> cached = client.get("/health/all").request(String.class);

        assertThat(fresh.status().code()).isEqualTo(200);
        assertThat(fresh.headers().first(HeaderNames.create("X-Cache"))).hasValue("MISS");
        assertThat(cached.headers().first(HeaderNames.create("X-Cache"))).hasValue("HIT");
        assertThat(cached.entity()).isEqualTo(fresh.entity());
        JsonNode body = Json.tree(fresh.entity().getBytes());
        assertThat(body.get("status").asText()).as(fresh.entity()).isEqualTo("healthy");
        List<String> services = new ArrayList<>();
        body.get("services").fieldNames().forEachRemaining(services::add);
        assertThat(services).containsExactly("vault", "postgres", "mysql", "mongodb", "redis", "rabbitmq");
    }
}
