package io.devstack.infra.local.mongo;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 section 3, RFC 7677):
 * client-first → {@link #start} → server-first, client-final → {@link #finish} → server-final.
 * Channel binding and authorization identities are not supported (MongoDB supports neither over this transport).
 */
final class ScramServerConversation {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GS2_HEADER = "n,,";

    private final Function<String, Optional<MongoUser>> users;
    private final Supplier<String> serverNonces;

    private String claimedName;
    private MongoUser user;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private boolean proven;

    /** @param users finds a user of the database being authenticated against by (already unescaped) name */
    ScramServerConversation(Function<String, Optional<MongoUser>> users) {
        this(users, ScramServerConversation::randomNonce);
    }

    ScramServerConversation(Function<String, Optional<MongoUser>> users, Supplier<String> serverNonces) {
        this.users = users;
        this.serverNonces = serverNonces;
    }

    /** Reads {@code n,,n=<user>,r=<client nonce>} and answers {@code r=<nonce>,s=<salt>,i=<iterations>}. */
    String start(String clientFirst) throws AuthenticationFailure {
        if (!clientFirst.startsWith(GS2_HEADER)) {
            throw new AuthenticationFailure("client asked for channel binding or an authorization identity");
        }
        clientFirstBare = clientFirst.substring(GS2_HEADER.length());
        String[] fields = clientFirstBare.split(",", -1);
        if (fields.length < 2 || !fields[0].startsWith("n=") || !fields[1].startsWith("r=")) {
            throw new AuthenticationFailure("malformed client-first-message");
        }
        String name = unescapeName(fields[0].substring(2));
        claimedName = name;
        String clientNonce = fields[1].substring(2);
        if (clientNonce.isEmpty()) {
            throw new AuthenticationFailure("empty client nonce");
        }
        user = users.apply(name).orElseThrow(() -> new AuthenticationFailure("no such user " + name));
        nonce = clientNonce + serverNonces.get();
        serverFirst =
                "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(user.salt()) + ",i=" + user.iterationCount();
        return serverFirst;
    }

    /** Reads {@code c=biws,r=<nonce>,p=<proof>}, checks the proof and answers {@code v=<server signature>}. */
    String finish(String clientFinal) throws AuthenticationFailure {
        if (serverFirst == null || proven) {
            throw new AuthenticationFailure("client-final-message out of order");
        }
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new AuthenticationFailure("client-final-message without proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String[] fields = withoutProof.split(",", -1);
        if (fields.length < 2 || !fields[0].equals("c=" + base64(GS2_HEADER)) || !fields[1].equals("r=" + nonce)) {
            throw new AuthenticationFailure("channel binding or nonce does not match");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailure("proof is not base64");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        if (!ScramSha256.verifyClientProof(user.storedKey(), authMessage, proof)) {
            throw new AuthenticationFailure("wrong password");
        }
        proven = true;
        return "v=" + Base64.getEncoder().encodeToString(ScramSha256.serverSignature(user.serverKey(), authMessage));
    }

    boolean isProven() {
        return proven;
    }

    /** The user whose proof {@link #finish} accepted. */
    MongoUser authenticatedUser() {
        if (!proven) {
            throw new IllegalStateException("SCRAM conversation not finished");
        }
        return user;
    }

    /** The user name the client claimed in its first message, for log lines; null before {@link #start}. */
    String claimedName() {
        return claimedName;
    }

    /** RFC 5802 saslname: "=2C" is ',' and "=3D" is '='; any other '=' is malformed. */
    private static String unescapeName(String saslName) throws AuthenticationFailure {
        StringBuilder name = new StringBuilder(saslName.length());
        for (int i = 0; i < saslName.length(); i++) {
            char c = saslName.charAt(i);
            if (c != '=') {
                name.append(c);
            } else if (saslName.startsWith("=2C", i)) {
                name.append(',');
                i += 2;
            } else if (saslName.startsWith("=3D", i)) {
                name.append('=');
                i += 2;
            } else {
                throw new AuthenticationFailure("malformed user name");
            }
        }
        return name.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** 24 random bytes as base64: printable and free of ',' as the RFC requires. */
    private static String randomNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
