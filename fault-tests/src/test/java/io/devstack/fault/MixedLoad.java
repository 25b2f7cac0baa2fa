package io.devstack.fault;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A steady load of mixed requests from several clients, spread over the five APIs: cache writes and reads, publishes,
 * the three database queries and a Vault read. Every answer is counted against the fault in force; every 200 to a
 * write is remembered in {@link AcknowledgedWrites} to be checked in the backend after recovery.
 */
final class MixedLoad implements AutoCloseable {

    /**
     * No answer within this is a hang: the APIs' own backend deadline is 2 s, a Vault re-login adds at most one more.
     */
    static final Duration DEADLINE = Duration.ofSeconds(6);

    private static final int CLIENTS = 4;
    private static final Duration THINK_TIME = Duration.ofMillis(25);

    private final Map<String, URI> apis;
    private final AcknowledgedWrites writes;
    private final AtomicReference<Map<String, Outcome>> current = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    MixedLoad(Map<String, URI> apis, AcknowledgedWrites writes) {
        this.apis = apis;
        this.writes = writes;
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> run(client));
        }
    }

    /** From now on answers count for {@code outcomes} (one per API); {@code null} stops counting. */
    void observe(Map<String, Outcome> outcomes) {
        current.set(outcomes);
    }

    private void run(int client) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> names = new ArrayList<>(apis.keySet());
        long n = 0;
        while (running.get()) {
            n++;
            String api = names.get((int) ((n + client) % names.size()));
            Request request = request(api, client, n);
            Map<String, Outcome> outcomes = current.get();
            Observations observed = outcomes == null ? null : outcomes.get(api).observed;
            try {
                HttpResponse<String> response =
                        http.send(request.http(apis.get(api)), HttpResponse.BodyHandlers.ofString());
                if (observed != null) {
                    observed.status(
                            response.statusCode(),
                            response.statusCode() != 503
                                    || response.body().contains("\"error\":\"ServiceUnavailable\"")
                                            && response.headers()
                                                    .firstValue("Retry-After")
                                                    .isPresent());
                }
                if (response.statusCode() == 200 && request.write() != null) {
                    request.write().run();
                }
            } catch (HttpTimeoutException e) {
                if (observed != null) {
                    observed.hang();
                }
            } catch (ConnectException e) {
                if (observed != null) {
                    observed.connectionRefused();
                }
            } catch (IOException e) {
                if (observed != null) {
                    observed.connectionRefused();
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(THINK_TIME);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One request and, for a write, what to remember when it is acknowledged. */
    private record Request(String method, String path, String body, Runnable write) {
        HttpRequest http(URI base) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(DEADLINE);
            return body == null
                    ? builder.method(method, HttpRequest.BodyPublishers.noBody())
                            .build()
                    : builder.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build();
        }
    }

    private Request request(String api, int client, long n) {
        String id = api + "-" + client + "-" + n;
        return switch ((int) (n % 7)) {
            case 0 ->
                new Request(
                        "POST",
                        "/examples/cache/fault-" + id + "?value=v" + n,
                        null,
                        () -> writes.cacheSet("fault-" + id, "v" + n));
            case 1 ->
                new Request(
                        "POST",
                        "/examples/messaging/publish?queue_name=" + AcknowledgedWrites.queue(api),
                        "{\"id\":\"" + id + "\"}",
                        () -> writes.published(AcknowledgedWrites.queue(api), id));
            case 2 -> new Request("GET", "/examples/database/postgres/query", null, null);
            case 3 -> new Request("GET", "/examples/database/mysql/query", null, null);
            case 4 -> new Request("GET", "/examples/database/mongodb/query", null, null);
            case 5 -> new Request("GET", "/examples/vault/secret/postgres", null, null);
            default -> new Request("GET", "/examples/cache/fault-" + api + "-probe", null, null);
        };
    }

    @Override
    public void close() {
        running.set(false);
        clients.shutdownNow();
        clients.close();
    }
}
