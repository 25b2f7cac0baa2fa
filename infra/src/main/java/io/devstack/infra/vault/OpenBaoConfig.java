package io.devstack.infra.vault;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server config for the native Vault: one node on loopback, state under the DevStack home.
 *
 * <p>Storage is integrated Raft, not {@code file}: OpenBao 2.x removed the file backend (it answers
 * "unknown storage type file"), and Raft works the same in HashiCorp Vault. Raft needs a cluster
 * address, which takes the port after the API port, and elects itself leader at init and after every
 * unseal: {@code performance_multiplier = 1} cut {@code sys/init} from 7.4 s to 1.9 s here. {@code disable_mlock} is
 * required by HashiCorp
 * Vault when it runs without the IPC_LOCK capability; OpenBao no longer locks memory and only logs
 * that it ignores the setting.
 */
public final class OpenBaoConfig {

    public static final String FILE_NAME = "openbao.hcl";

    private OpenBaoConfig() {}

    /** Writes the config for a server listening on {@code 127.0.0.1:port} and returns its path. */
    public static Path write(DevstackHome home, int port) {
        Path storage = DevstackHome.privateDirectory(home.dataDir("vault"));
        Path config = DevstackHome.privateDirectory(home.vaultDir()).resolve(FILE_NAME);
        try {
            Files.writeString(config, render(storage, port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Vault config " + config + ": " + e.getMessage(), e);
        }
        return config;
    }

    static String render(Path storage, int port) {
        String api = "127.0.0.1:" + port;
        String cluster = "127.0.0.1:" + (port + 1);
        return """
                # Written by devstack on every start; edits are overwritten.
                storage "raft" {
                  path    = %s
                  node_id = "devstack"
                  # one node on loopback: the tight production election timing, not the default 5x slack
                  performance_multiplier = 1
                }

                listener "tcp" {
                  address         = "%s"
                  cluster_address = "%s"
                  tls_disable     = true
                }

                api_addr      = "http://%s"
                cluster_addr  = "http://%s"
                disable_mlock = true
                ui            = true
                """.formatted(quote(storage.toString()), api, cluster, api, cluster);
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
