package io.devstack.common.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.RoleId;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions.SecretId;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.VaultLoginException;
import org.springframework.vault.support.VaultToken;
import org.springframework.web.client.RestOperations;

/**
 * AppRole login that reads {@code role-id} and {@code secret-id} from the API's AppRole directory at every login,
 * so a secret-id re-issued on disk is picked up by the next re-login without a restart.
 */
final class AppRoleLogin implements ClientAuthentication {

    private final Path appRoleDir;
    private final RestOperations restOperations;

    AppRoleLogin(Path appRoleDir, RestOperations restOperations) {
        this.appRoleDir = appRoleDir;
        this.restOperations = restOperations;
    }

    @Override
    public VaultToken login() {
        AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder()
                .roleId(RoleId.provided(read("role-id")))
                .secretId(SecretId.provided(read("secret-id")))
                .build();
        return new AppRoleAuthentication(options, restOperations).login();
    }

    private String read(String file) {
        Path path = appRoleDir.resolve(file);
        try {
            return Files.readString(path).trim();
        } catch (NoSuchFileException e) {
            throw new VaultLoginException("AppRole file " + path + " is missing; set VAULT_APPROLE_DIR to the folder "
                    + "holding role-id and secret-id (the stack writes it under $DEVSTACK_HOME/approle/<module>)");
        } catch (IOException e) {
            throw new VaultLoginException("Cannot read AppRole file " + path + ": " + e.getMessage());
        }
    }
}
