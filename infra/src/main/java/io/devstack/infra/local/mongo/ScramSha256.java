package io.devstack.infra.local.mongo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The SCRAM-SHA-256 functions of RFC 5802 / RFC 7677, on JDK crypto only. */
final class ScramSha256 {

    private static final String HMAC = "HmacSHA256";
    private static final int KEY_BITS = 256;

    private ScramSha256() {}

    /** {@code Hi(password, salt, i)}: PBKDF2 with HMAC-SHA-256; the JDK encodes the password's chars as UTF-8. */
    static byte[] saltedPassword(char[] normalizedPassword, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(normalizedPassword, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] clientKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Client Key");
    }

    static byte[] serverKey(byte[] saltedPassword) {
        return hmac(saltedPassword, "Server Key");
    }

    static byte[] storedKey(byte[] clientKey) {
        return sha256(clientKey);
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * True when {@code clientProof} proves knowledge of the password behind {@code storedKey}:
     * ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage), and H(ClientKey) must equal StoredKey.
     * The comparison is constant-time ({@link MessageDigest#isEqual}).
     */
    static boolean verifyClientProof(byte[] storedKey, String authMessage, byte[] clientProof) {
        byte[] clientSignature = hmac(storedKey, authMessage);
        if (clientProof.length != clientSignature.length) {
            return false;
        }
        byte[] clientKey = new byte[clientSignature.length];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (clientProof[i] ^ clientSignature[i]);
        }
        boolean valid = MessageDigest.isEqual(sha256(clientKey), storedKey);
        Arrays.fill(clientKey, (byte) 0);
        return valid;
    }

    static byte[] serverSignature(byte[] serverKey, String authMessage) {
        return hmac(serverKey, authMessage);
    }
}
