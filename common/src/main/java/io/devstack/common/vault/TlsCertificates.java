package io.devstack.common.vault;

import io.devstack.common.ApiModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's HTTPS certificate, issued at startup from Vault PKI ({@code pki_int}, role {@code <module>-role},
 * SANs: the module name, {@code localhost}, {@code 127.0.0.1}) and re-issued once two thirds of its lifetime have
 * passed. Frameworks that can swap their TLS material at runtime subscribe with {@link #onRenewal}.
 */
public final class TlsCertificates implements AutoCloseable {

    public static final Duration CERTIFICATE_TTL = Duration.ofHours(72);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(TlsCertificates.class);

    private final VaultClient vault;
    private final ApiModule module;
    private final Clock clock;
    private final List<Consumer<IssuedCertificate>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tls-certificate-renewal").factory());
    private volatile IssuedCertificate current;
    private volatile Instant issuedAt;

    public TlsCertificates(VaultClient vault, ApiModule module, Clock clock) {
        this.vault = vault;
        this.module = module;
        this.clock = clock;
        renewal.scheduleWithFixedDelay(
                this::renewIfDue, CHECK_EVERY.toMinutes(), CHECK_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** The current certificate, issuing one first if none is held or the held one is due for renewal. */
    public synchronized IssuedCertificate current() {
        if (current == null || isDue(current)) {
            current = issue();
        }
        return current;
    }

    /** Called with each re-issued certificate (not the first one). */
    public void onRenewal(Consumer<IssuedCertificate> listener) {
        listeners.add(listener);
    }

    private IssuedCertificate issue() {
        String role = module.moduleName() + "-role";
        IssuedCertificate issued = vault.issueCertificate(
                role,
                module.moduleName(),
                List.of(module.moduleName(), "localhost"),
                List.of("127.0.0.1"),
                CERTIFICATE_TTL);
        issuedAt = clock.instant();
        LOG.info("Issued TLS certificate {} from Vault PKI, valid until {}", issued.serialNumber(), issued.expiresAt());
        return issued;
    }

    private boolean isDue(IssuedCertificate certificate) {
        Duration lifetime = Duration.between(issuedAt, certificate.expiresAt());
        return clock.instant().isAfter(issuedAt.plus(lifetime.multipliedBy(2).dividedBy(3)));
    }

    private void renewIfDue() {
        IssuedCertificate held = current;
        if (held == null || !isDue(held)) {
            return;
        }
        try {
            IssuedCertificate renewed = current();
            listeners.forEach(listener -> listener.accept(renewed));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Renewing the TLS certificate failed, keeping the current one until the next check: {}",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        renewal.shutdownNow();
    }
}
