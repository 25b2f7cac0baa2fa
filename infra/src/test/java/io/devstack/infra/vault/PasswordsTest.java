package io.devstack.infra.vault;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void passwordsAre25LettersAndDigitsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = Passwords.generate();
            assertThat(password).matches("[A-Za-z0-9]{25}");
            seen.add(password);
        }
        assertThat(seen).hasSize(1000);
    }
}
