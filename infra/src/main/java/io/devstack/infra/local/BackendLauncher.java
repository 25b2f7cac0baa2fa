package io.devstack.infra.local;

import io.devstack.infra.Progress;
import java.time.Duration;
import java.util.List;

/**
 * One backend of the native runtime, one OS process: everything it needs to start from the Vault
 * credentials, and the authenticated call that proves it is usable. All launchers have this shape.
 */
public interface BackendLauncher {

    /** The stack service this process is (pid and log file are named after it). */
    String service();

    /** Every TCP port it binds on 127.0.0.1; checked free before anything starts. */
    List<Integer> ports();

    /** Unpacks and initialises on first use, applies the Vault credentials, starts it and waits until ready. */
    void start(SecretSource secrets, Progress progress);

    /** One real authenticated call with the Vault credentials; returns a short detail, throws when unhealthy. */
    String probe(SecretSource secrets) throws Exception;

    /** How a user gets the credentials, e.g. {@code ./devstack vault show-password postgres}. */
    String credentialsHint();

    default StopSignal stopSignal() {
        return StopSignal.TERM;
    }

    default Duration stopTimeout() {
        return Duration.ofSeconds(20);
    }

    default String address() {
        return "127.0.0.1:" + ports().getFirst();
    }
}
