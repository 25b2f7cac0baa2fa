package io.devstack.infra.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoUsersTest {

    private static final byte[] SALT = new byte[28];

    @TempDir
    Path dir;

    @Test
    void writesHashedCredentialsOnlyWithMode0600() throws IOException {
        Path file = dir.resolve("users/mongodb-users.json");
        String password = "correct-horse-battery";

        MongoUsers.write(file, List.of(MongoUsers.derive("appdb", "app", password.toCharArray())));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).doesNotContain(password).contains("\"storedKey\"", "\"serverKey\"");
        MongoUser loaded = MongoUsers.load(file).getFirst();
        assertThat(loaded.name()).isEqualTo("app");
        assertThat(loaded.database()).isEqualTo("appdb");
        assertThat(loaded.iterationCount()).isEqualTo(15_000);
        assertThat(loaded.salt()).hasSize(28);
        assertThat(loaded.storedKey()).hasSize(32);
    }

    @Test
    void derivesTheSameKeysForSaslPrepEquivalentPasswords() {
        // RFC 4013 section 3: SOFT HYPHEN maps to nothing, ROMAN NUMERAL NINE normalizes to "IX" under NFKC
        MongoUser plain = MongoUsers.derive("db", "u", "IX".toCharArray(), SALT, 4096);

        assertThat(MongoUsers.derive("db", "u", "I\u00ADX".toCharArray(), SALT, 4096)
                        .storedKey())
                .isEqualTo(plain.storedKey());
        assertThat(MongoUsers.derive("db", "u", "\u2168".toCharArray(), SALT, 4096)
                        .serverKey())
                .isEqualTo(plain.serverKey());
        assertThatThrownBy(() -> MongoUsers.derive("db", "u", "a\u0007".toCharArray(), SALT, 4096))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAFileOtherUsersCanRead() throws IOException {
        Path file = dir.resolve("users.json");
        MongoUsers.write(file, List.of(MongoUsers.derive("appdb", "app", "pw".toCharArray())));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MongoUsers.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void namesTheFileAndTheFixWhenMissingOrBroken() throws IOException {
        assertThatThrownBy(() -> MongoUsers.load(dir.resolve("absent.json")))
                .hasMessageContaining("absent.json does not exist");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"users\":[{\"user\":\"app\",\"db\":\"appdb\",\"iterationCount\":15000}]}");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> MongoUsers.load(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app@appdb has no salt");
    }

    @Test
    void refusesTheSameUserTwice() {
        MongoUser app = MongoUsers.derive("appdb", "app", "pw".toCharArray());

        assertThatThrownBy(() -> MongoUsers.write(dir.resolve("u.json"), List.of(app, app)))
                .hasMessageContaining("twice");
    }
}
