package io.devstack.common.vault;

import java.time.Duration;
import java.util.Optional;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.LifecycleAwareSessionManager;
import org.springframework.vault.support.LeaseStrategy;
import org.springframework.web.client.RestOperations;

/**
 * Spring Vault's session manager (renews the token before it expires, logs in again when renewal fails) plus the
 * one thing it lacks: forgetting a token that Vault has revoked or expired early, so the next call logs in again.
 */
final class RenewingSessionManager extends LifecycleAwareSessionManager {

    /**
     * Renew a minute before expiry (Spring Vault's default is 5 s, too close to ride out a short Vault hiccup).
     * A token whose remaining lifetime can no longer be extended past that minute (max TTL reached) is dropped
     * and replaced by a fresh login.
     */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    RenewingSessionManager(ClientAuthentication login, TaskScheduler scheduler, RestOperations restOperations) {
        super(login, scheduler, restOperations, new FixedTimeoutRefreshTrigger(RENEW_BEFORE_EXPIRY));
        setLeaseStrategy(LeaseStrategy.dropOnError());
    }

    /** Drops the current token without revoking it (it is already unusable); the next call logs in afresh. */
    void discardToken() {
        setToken(Optional.empty());
    }

    boolean hasToken() {
        return getToken().isPresent();
    }
}
