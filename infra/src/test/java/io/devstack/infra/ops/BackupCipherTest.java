package io.devstack.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cipher alone: round trip, a wrong passphrase, one flipped bit, a file moved to another name. */
class BackupCipherTest {

    private static final char[] PASSPHRASE = "a long enough passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aFileComesBackExactlyWithTheRightPassphraseOnly() throws Exception {
        BackupCipher cipher = BackupCipher.create(PASSPHRASE);
        Path sealed = cipher.encrypt(write("mysql/dump.sql", "CREATE TABLE t (x int);"), "mysql/dump.sql");

        assertThat(sealed.getFileName().toString()).isEqualTo("dump.sql.enc");
        assertThat(Files.readString(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("CREATE TABLE");
        Path plain = dir.resolve("plain.sql");
        BackupCipher.open(PASSPHRASE, cipher.parameters()).decrypt(sealed, "mysql/dump.sql.enc", plain);
        assertThat(plain).hasContent("CREATE TABLE t (x int);");

        assertThatThrownBy(() -> BackupCipher.open("another passphrase".toCharArray(), cipher.parameters()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("wrong passphrase");
    }

    @Test
    void anAlteredOrRenamedFileIsRefused() throws Exception {
        BackupCipher cipher = BackupCipher.create(PASSPHRASE);
        Path sealed = cipher.encrypt(write("redis/keys.bin", "some keys"), "redis/keys.bin");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "mongodb/keys.bin.enc", dir.resolve("out")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(sealed, bytes);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "redis/keys.bin.enc", dir.resolve("out")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
