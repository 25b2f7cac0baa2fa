package io.devstack.infra.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config is also exercised for real: every Vault test starts OpenBao with it. */
class OpenBaoConfigTest {

    @Test
    void configListensOnLoopbackAndStoresUnderTheHome(@TempDir Path root) throws IOException {
        DevstackHome home = new DevstackHome(root);

        Path config = OpenBaoConfig.write(home, 8200);

        assertThat(config).isEqualTo(home.vaultDir().resolve("openbao.hcl"));
        assertThat(Files.readString(config))
                .contains("storage \"raft\"", "path    = \"" + home.dataDir("vault") + "\"")
                .contains("address         = \"127.0.0.1:8200\"", "cluster_address = \"127.0.0.1:8201\"")
                .contains("tls_disable     = true", "api_addr      = \"http://127.0.0.1:8200\"")
                .contains("disable_mlock = true", "ui            = true");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.dataDir("vault"))))
                .isEqualTo("rwx------");
    }

    @Test
    void quotesInThePathCannotBreakTheConfig() {
        assertThat(OpenBaoConfig.render(Path.of("/tmp/a \"b\\c"), 18200)).contains("path    = \"/tmp/a \\\"b\\\\c\"");
    }
}
