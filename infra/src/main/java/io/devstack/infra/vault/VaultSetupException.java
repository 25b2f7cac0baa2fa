package io.devstack.infra.vault;

/**
 * A Vault step failed. The message is one line naming the step and Vault's own error text; it never
 * holds a key, token, secret-id or password (none of them travel in URLs or in Vault's error texts).
 */
public class VaultSetupException extends RuntimeException {

    public VaultSetupException(String message) {
        super(message);
    }

    public VaultSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
