package io.devstack.infra.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The unseal key shares and root token from {@code sys/init}, kept in {@code init.json} (mode 0600). */
record InitKeys(
        @JsonProperty("keys") List<String> keys,
        @JsonProperty("root_token") String rootToken) {

    static final String FILE_NAME = "init.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    InitKeys {
        keys = List.copyOf(keys);
    }

    static Path file(DevstackHome home) {
        return home.vaultDir().resolve(FILE_NAME);
    }

    static InitKeys read(Path file) {
        try {
            return JSON.readValue(file.toFile(), InitKeys.class);
        } catch (IOException e) {
            // Jackson's message may quote the file's content: name only the file
            throw new VaultSetupException("Cannot read the Vault keys in " + file
                    + " (unreadable or not the JSON devstack wrote); restore it, or run `devstack down --volumes`"
                    + " to start Vault afresh");
        }
    }

    void write(Path file) {
        try {
            DevstackHome.writePrivateFile(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        } catch (IOException e) {
            throw new VaultSetupException("Cannot write the Vault keys to " + file + ": " + e.getMessage());
        }
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    @Override
    public String toString() {
        return "InitKeys[" + keys.size() + " keys, root token ***]";
    }
}
