package io.devstack.infra.vault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultUnreachableTest {

    @Test
    void noServerIsOneLineNamingTheAddress(@TempDir Path root) throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        URI address = URI.create("http://127.0.0.1:" + freePort);

        assertThatThrownBy(() -> new VaultLifecycle(address, new DevstackHome(root), Progress.SILENT).ensureReady())
                .isInstanceOf(VaultSetupException.class)
                .hasMessageStartingWith("vault: reaching Vault at " + address + " failed: ")
                .hasMessageEndingWith("failed: no answer (connection refused); is the Vault server running?")
                .hasMessageNotContaining("\n");
    }
}
