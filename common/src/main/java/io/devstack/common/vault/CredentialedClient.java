package io.devstack.common.vault;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend client built lazily from a Vault secret, and rebuilt when the backend rejects its credentials: the
 * cached secret is invalidated, re-read, the client rebuilt and the call retried once. So a password rotated in
 * Vault is picked up without a restart. A client found dead ({@code usable} false) is rebuilt the same way,
 * without touching the secret.
 *
 * @param <C> the pooled client (a connection pool, a driver client, a connection)
 */
public final class CredentialedClient<C> implements AutoCloseable {

    /** An operation on the client; may throw the driver's checked exceptions. */
    @FunctionalInterface
    public interface Operation<C, T> {
        T apply(C client) throws Exception;
    }

    /** Closes a client quietly; called with the client being replaced. */
    @FunctionalInterface
    public interface Closer<C> {
        void close(C client) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CredentialedClient.class);

    private final String secretName;
    private final VaultSecrets secrets;
    private final Function<Map<String, Object>, C> factory;
    private final Predicate<Throwable> rejectedCredentials;
    private final Predicate<C> usable;
    private final Closer<C> closer;
    private C current;
    private boolean closed;

    public CredentialedClient(
            String secretName,
            VaultSecrets secrets,
            Function<Map<String, Object>, C> factory,
            Predicate<Throwable> rejectedCredentials,
            Predicate<C> usable,
            Closer<C> closer) {
        this.secretName = secretName;
        this.secrets = secrets;
        this.factory = factory;
        this.rejectedCredentials = rejectedCredentials;
        this.usable = usable;
        this.closer = closer;
    }

    public <T> T use(Operation<C, T> operation) throws Exception {
        C client = null;
        try {
            client = client(); // some clients (AMQP) authenticate while being built
            return operation.apply(client);
        } catch (Exception e) {
            if (!rejectedCredentials.test(e)) {
                throw e;
            }
            LOG.info(
                    "{} rejected the credentials from Vault; re-reading secret/{} and reconnecting",
                    secretName,
                    secretName);
            return operation.apply(rebuild(client, true));
        }
    }

    /** The client built so far, if any; never builds one (for callers that must not block). */
    public synchronized Optional<C> built() {
        return closed ? Optional.empty() : Optional.ofNullable(current);
    }

    /** The client currently in use, building it on first use (or after it was found unusable). */
    private synchronized C client() {
        if (closed) {
            throw new IllegalStateException(secretName + " client is closed");
        }
        if (current != null && !usable.test(current)) {
            return rebuild(current, false);
        }
        if (current == null) {
            current = factory.apply(secrets.read(secretName));
        }
        return current;
    }

    private synchronized C rebuild(C failed, boolean credentialsRejected) {
        if (current != failed && current != null) {
            return current; // another thread already rebuilt it
        }
        if (credentialsRejected) {
            secrets.invalidate(secretName);
        }
        current = null;
        closeQuietly(failed);
        current = factory.apply(secrets.read(secretName));
        return current;
    }

    private void closeQuietly(C client) {
        if (client == null) {
            return;
        }
        try {
            closer.close(client);
        } catch (Exception e) {
            LOG.debug("Closing the replaced {} client failed: {}", secretName, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(current);
        current = null;
    }
}
