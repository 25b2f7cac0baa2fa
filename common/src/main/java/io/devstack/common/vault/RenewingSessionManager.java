package io.devstack.common.vault;

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

    RenewingSessionManager(ClientAuthentication login, TaskScheduler scheduler, RestOperations restOperations) {
        super(login, scheduler, restOperations);
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
