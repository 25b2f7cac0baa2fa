package io.devstack.infra.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Backup encryption: a 256-bit key from the passphrase with Argon2id (BouncyCastle; memory-hard, so guessing
 * passphrases is expensive), then AES-256-GCM (the JDK's authenticated cipher) per file with a fresh 96-bit
 * nonce and the file's path as associated data, so a file can be neither altered nor swapped for another.
 * A stored file is {@code nonce ‖ ciphertext ‖ tag}. A check value in the manifest tells a wrong passphrase
 * apart from a damaged file.
 */
public final class BackupCipher {

    /** What the manifest records to derive the key again (never the key or the passphrase). */
    public record Parameters(
            String cipher, String kdf, String salt, int memoryKiB, int iterations, int parallelism, String check) {}

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CHECK_AAD = "devstack-passphrase-check";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Parameters parameters;

    private BackupCipher(SecretKeySpec key, Parameters parameters) {
        this.key = key;
        this.parameters = parameters;
    }

    /** A new key for a new backup: fresh salt, OWASP's Argon2id settings (64 MiB, 3 passes). */
    public static BackupCipher create(char[] passphrase) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Parameters base =
                new Parameters("AES-256-GCM", "Argon2id", Base64.getEncoder().encodeToString(salt), 65_536, 3, 1, null);
        BackupCipher keyOnly = new BackupCipher(derive(passphrase, base), base);
        String check = Base64.getEncoder().encodeToString(keyOnly.seal(new byte[32], CHECK_AAD));
        Parameters parameters = new Parameters(
                base.cipher(), base.kdf(), base.salt(), base.memoryKiB(), base.iterations(), base.parallelism(), check);
        return new BackupCipher(keyOnly.key, parameters);
    }

    /** The key of an existing backup; a wrong passphrase fails here, before any file is touched. */
    public static BackupCipher open(char[] passphrase, Parameters parameters) {
        BackupCipher cipher = new BackupCipher(derive(passphrase, parameters), parameters);
        try {
            cipher.open(Base64.getDecoder().decode(parameters.check()), CHECK_AAD);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("wrong passphrase for this backup — try again with the passphrase "
                    + "used for ./devstack backup --encrypt");
        }
        return cipher;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Replaces {@code file} by its encrypted form {@code <file>.enc}; {@code name} is its path in the backup. */
    Path encrypt(Path file, String name) {
        try {
            Path sealed = file.resolveSibling(file.getFileName() + ".enc");
            Files.write(sealed, seal(Files.readAllBytes(file), name + ".enc"));
            Files.delete(file);
            return sealed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the plaintext of {@code sealed} (stored as {@code name}) to {@code target}. */
    void decrypt(Path sealed, String name, Path target) {
        try {
            Files.write(target, open(Files.readAllBytes(sealed), name));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    name + " does not decrypt (altered or not from this backup) — run " + "./devstack verify");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] seal(byte[] plain, String aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + body.length);
            System.arraycopy(body, 0, out, NONCE_BYTES, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getMessage(), e);
        }
    }

    private byte[] open(byte[] sealed, String aad) throws AEADBadTagException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable: " + e.getMessage(), e);
        }
    }

    private static SecretKeySpec derive(char[] passphrase, Parameters p) {
        if (!"Argon2id".equals(p.kdf()) || !"AES-256-GCM".equals(p.cipher())) {
            throw new IllegalStateException("unsupported backup encryption " + p.kdf() + "/" + p.cipher());
        }
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withSalt(Base64.getDecoder().decode(p.salt()))
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .build());
        byte[] key = new byte[32];
        argon2.generateBytes(passphrase, key);
        try {
            return new SecretKeySpec(key, "AES");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
