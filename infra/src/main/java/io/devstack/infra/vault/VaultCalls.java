package io.devstack.infra.vault;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.vault.VaultException;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;
import org.springframework.vault.support.VaultToken;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/** Builds the Spring Vault templates and turns a failed call into one line naming the stage. */
final class VaultCalls {

    // sys/init on Raft took 2-7 s on a busy two-core machine: leave room
    private static final ClientOptions TIMEOUTS = new ClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(60));

    private VaultCalls() {}

    /** For the calls that need no token: health, init, unseal. */
    static VaultTemplate anonymous(URI address) {
        return new VaultTemplate(
                VaultEndpoint.from(address),
                ClientHttpRequestFactoryFactory.create(TIMEOUTS, SslConfiguration.unconfigured()));
    }

    static VaultTemplate withToken(URI address, String token) {
        VaultToken vaultToken = VaultToken.of(token);
        return new VaultTemplate(
                VaultEndpoint.from(address),
                ClientHttpRequestFactoryFactory.create(TIMEOUTS, SslConfiguration.unconfigured()),
                () -> vaultToken);
    }

    /**
     * Runs one Vault call of {@code stage}. Spring Vault's messages carry the HTTP status, the request path and
     * Vault's {@code errors} text; secrets travel only in bodies and headers, which neither includes.
     */
    static <T> T during(String stage, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new VaultSetupException(
                    "vault: " + stage + " failed: no answer (" + transportProblem(e)
                            + "); is the Vault server running?",
                    e);
        } catch (VaultException | RestClientException e) {
            throw new VaultSetupException("vault: " + stage + " failed: " + oneLine(e.getMessage()), e);
        }
    }

    static void during(String stage, Runnable call) {
        during(stage, () -> {
            call.run();
            return null;
        });
    }

    /**
     * {@code work} for every item at once, on virtual threads, in the items' order: Vault's storage commits concurrent
     * writes together, so 18 clients' grants take about the time of a few. The first failure is rethrown.
     */
    static <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> results = items.stream()
                    .map(item -> pool.submit(() -> work.apply(item)))
                    .toList();
            List<R> done = new ArrayList<>();
            for (Future<R> result : results) {
                try {
                    done.add(result.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r
                            ? r
                            : new VaultSetupException("a Vault call failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new VaultSetupException("interrupted while writing to Vault");
                }
            }
            return done;
        }
    }

    /** The JDK client's ConnectException has no message: name the problem from the exception types. */
    private static String transportProblem(ResourceAccessException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "timed out";
            }
        }
        return e.getCause() == null
                ? oneLine(e.getMessage())
                : e.getCause().getClass().getSimpleName();
    }

    private static String oneLine(String message) {
        return message == null
                ? "no details"
                : message.replaceAll("\\s+", " ")
                        .replace("1 error occurred: * ", "")
                        .trim();
    }
}
