package io.devstack.common.vault;

/** What {@code sys/health} says about the Vault server (no token needed). */
public record VaultStatus(boolean initialized, boolean sealed, boolean standby, String version) {

    public boolean usable() {
        return initialized && !sealed;
    }
}
