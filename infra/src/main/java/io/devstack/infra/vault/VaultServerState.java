package io.devstack.infra.vault;

/** What {@code sys/health} tells without a token. {@code standby} stays true for a moment after unsealing. */
public record VaultServerState(boolean initialized, boolean sealed, boolean standby, String version) {

    /** Initialised, unsealed and active: requests can be served. */
    public boolean ready() {
        return initialized && !sealed && !standby;
    }
}
