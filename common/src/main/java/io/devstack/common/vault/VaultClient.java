package io.devstack.common.vault;

import io.devstack.common.http.PermissionDeniedException;
import io.devstack.common.http.ResourceNotFoundException;
import io.devstack.common.http.ServiceUnavailableException;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.VaultLoginException;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.RestOperationsCallback;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;
import org.springframework.vault.support.VaultCertificateRequest;
import org.springframework.vault.support.VaultCertificateResponse;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * This API's Vault session: AppRole login (lazy, at first use), token renewal before expiry, re-login when renewal
 * fails or when Vault answers 403 because the token itself is no longer valid. The API's operations run under the
 * backend guard ({@link BackendCalls}: deadline, circuit breaker, timing). Vault failures leave as API exceptions:
 * policy denial → {@link PermissionDeniedException}, absent → {@link ResourceNotFoundException},
 * down or sealed → {@link ServiceUnavailableException}.
 */
public final class VaultClient implements AutoCloseable {

    public static final String KV_MOUNT = "secret";
    private static final String SERVICE = Backend.VAULT.service();

    private final BackendCalls calls;
    private final ThreadPoolTaskScheduler scheduler;
    private final RenewingSessionManager sessionManager;
    private final VaultTemplate template;
    private final RestTemplate anonymous;

    private VaultClient(URI address, Path appRoleDir, BackendCalls calls) {
        this.calls = calls;
        Duration timeout = calls.timeout();
        VaultEndpoint endpoint = VaultEndpoint.from(address);
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryFactory.create(
                new ClientOptions(timeout, timeout), SslConfiguration.unconfigured());
        this.anonymous = VaultClients.createRestTemplate(endpoint, requests);
        this.scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("vault-token-renewal-");
        scheduler.setDaemon(true);
        scheduler.setPoolSize(1);
        scheduler.initialize();
        this.sessionManager = new RenewingSessionManager(new AppRoleLogin(appRoleDir, anonymous), scheduler, anonymous);
        this.template = new VaultTemplate(endpoint, requests, sessionManager);
    }

    /** A client for the Vault at {@code address} that logs in with the AppRole files in {@code appRoleDir}. */
    public static VaultClient appRole(URI address, Path appRoleDir, BackendCalls calls) {
        return new VaultClient(address, appRoleDir, calls);
    }

    /** The {@code data} of the latest version of KV v2 secret {@code secret/<name>}, JSON types kept. */
    public Map<String, Object> readSecret(String name) {
        return calls.call(Backend.VAULT, "kv_read", () -> readSecretData(name));
    }

    /** The health probe: {@code sys/health}, bounded by the deadline only. */
    public VaultStatus status() {
        return calls.probe(Backend.VAULT, "health", this::readStatus);
    }

    /** Asks {@code sys/health} without the deadline (startup warm-up: class loading, the HTTP client). */
    public void warmUp() {
        readStatus();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readSecretData(String name) {
        String path = KV_MOUNT + "/" + name;
        Map<String, Object> body =
                withSession(path, ops -> ops.getForObject("{mount}/data/{name}", Map.class, KV_MOUNT, name));
        Object data = body == null ? null : body.get("data");
        Object values = data instanceof Map<?, ?> map ? map.get("data") : null;
        if (!(values instanceof Map<?, ?>)) {
            // a deleted or destroyed latest version reads as data: null
            throw new ResourceNotFoundException("secret", path);
        }
        return new LinkedHashMap<>((Map<String, Object>) values);
    }

    /** {@code sys/health}, which needs no token; a sealed or standby server still answers 200 here. */
    @SuppressWarnings("unchecked")
    private VaultStatus readStatus() {
        Map<String, Object> health;
        try {
            health = anonymous.getForObject(
                    "sys/health?standbyok=true&sealedcode=200&uninitcode=200&perfstandbyok=true", Map.class);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (health == null) {
            throw new ServiceUnavailableException(SERVICE, BackendCalls.CONNECTION_FAILED);
        }
        return new VaultStatus(
                Boolean.TRUE.equals(health.get("initialized")),
                Boolean.TRUE.equals(health.get("sealed")),
                Boolean.TRUE.equals(health.get("standby")),
                (String) health.get("version"));
    }

    /** Issues a certificate from {@code pki_int} with this API's role (e.g. {@code api-spring-role}). */
    public IssuedCertificate issueCertificate(
            String role, String commonName, List<String> altNames, List<String> ipSans, Duration ttl) {
        VaultCertificateRequest request = VaultCertificateRequest.builder()
                .commonName(commonName)
                .altNames(altNames)
                .ipSubjectAltNames(ipSans)
                .ttl(ttl)
                // PEM text and a PKCS#8 key: what Netty, Vert.x, Helidon and Spring SSL bundles all read
                .format("pem")
                .privateKeyFormat("pkcs8")
                .build();
        return calls.call(Backend.VAULT, "pki_issue", () -> issue(role, request));
    }

    private IssuedCertificate issue(String role, VaultCertificateRequest request) {
        VaultCertificateResponse response = withSession(
                "pki_int/issue/" + role, ops -> template.opsForPki("pki_int").issueCertificate(role, request));
        return IssuedCertificate.from(response.getRequiredData());
    }

    /**
     * The current token's {@code auth/token/lookup-self} data (ttl, policies…), logging in first if needed.
     * Diagnostics, not API traffic: unguarded, like {@link #renewToken}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> lookupSelf() {
        Map<String, Object> body =
                withSession("auth/token/lookup-self", ops -> ops.getForObject("auth/token/lookup-self", Map.class));
        return body == null ? Map.of() : (Map<String, Object>) body.get("data");
    }

    /** Renews the token now (the scheduler also does it before expiry); false when Vault refused to renew. */
    public boolean renewToken() {
        return sessionManager.renewToken();
    }

    private <T> T withSession(String path, RestOperationsCallback<T> action) {
        try {
            return template.doWithSession(action);
        } catch (RuntimeException first) {
            if (status(first) == 403 && !tokenStillValid()) {
                // Expired or revoked token, not a policy denial: log in again and retry once.
                sessionManager.discardToken();
                try {
                    return template.doWithSession(action);
                } catch (RuntimeException second) {
                    throw translate(second, path);
                }
            }
            throw translate(first, path);
        }
    }

    /** Asks Vault about our own token: 403 on lookup-self means the token is dead, whatever the policy says. */
    private boolean tokenStillValid() {
        try {
            template.doWithSession((RestOperations ops) -> ops.getForObject("auth/token/lookup-self", Map.class));
            return true;
        } catch (RuntimeException e) {
            return status(e) != 403;
        }
    }

    private static RuntimeException translate(RuntimeException e, String path) {
        return switch (status(e)) {
            case 403 -> new PermissionDeniedException(path);
            case 404 -> new ResourceNotFoundException("secret", path);
            default -> unavailable(e);
        };
    }

    private static ServiceUnavailableException unavailable(RuntimeException e) {
        int status = status(e);
        String reason;
        if (status == 503) {
            reason = "sealed";
        } else if (BackendFailures.anyCause(
                e, t -> t instanceof HttpTimeoutException || t instanceof SocketTimeoutException)) {
            reason = BackendCalls.TIMEOUT;
        } else if (e instanceof VaultLoginException && !(e.getCause() instanceof ResourceAccessException)) {
            reason = "login_failed";
        } else {
            reason = BackendCalls.CONNECTION_FAILED;
        }
        LoggerFactory.getLogger(VaultClient.class)
                .warn("Vault call failed ({}): {}", reason, BackendFailures.describe(e));
        return new ServiceUnavailableException(SERVICE, reason);
    }

    /** The HTTP status Vault answered with, wherever Spring Vault wrapped it; 0 when there was no answer. */
    static int status(Throwable e) {
        return BackendFailures.causes(e)
                .map(VaultClient::statusOf)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(0);
    }

    private static Optional<Integer> statusOf(Throwable t) {
        if (t instanceof HttpStatusCodeException http) {
            return Optional.of(http.getStatusCode().value());
        }
        if (t instanceof VaultException vault && vault.getMessage() != null) {
            return parseStatus(vault.getMessage());
        }
        return Optional.empty();
    }

    /** Spring Vault's messages start "Status 403 Forbidden [...]" when it kept no HTTP exception as the cause. */
    private static Optional<Integer> parseStatus(String message) {
        if (message.startsWith("Status ") && message.length() >= 10) {
            try {
                return Optional.of(Integer.parseInt(message.substring(7, 10)));
            } catch (NumberFormatException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        sessionManager.destroy();
        scheduler.shutdown();
    }
}
