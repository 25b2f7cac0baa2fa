package io.devstack.infra.vault;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A server certificate from {@code pki_int}, PEM encoded, with its key and the chain up to the DevStack root. */
public record ServerCertificate(String certificate, String privateKey, List<String> caChain) {

    public static final String CERT_FILE = "cert.pem";
    public static final String KEY_FILE = "key.pem";
    public static final String CA_FILE = "ca.pem";

    public ServerCertificate {
        caChain = List.copyOf(caChain);
    }

    /**
     * Writes {@code cert.pem}, {@code key.pem} (0600) and {@code ca.pem} (intermediate, then root) into {@code dir}.
     */
    public void writeTo(Path dir) {
        DevstackHome.writePrivateFile(dir.resolve(KEY_FILE), privateKey.strip() + "\n");
        try {
            Files.writeString(dir.resolve(CERT_FILE), certificate.strip() + "\n");
            Files.writeString(
                    dir.resolve(CA_FILE),
                    String.join("\n", caChain.stream().map(String::strip).toList()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the certificate files in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[private key ***]";
    }
}
