package io.devstack.infra.vault;

import java.security.SecureRandom;

/** Random credentials for the stack: letters and digits only, so they survive URLs, shells and config files. */
public final class Passwords {

    public static final int LENGTH = 25;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    public static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
