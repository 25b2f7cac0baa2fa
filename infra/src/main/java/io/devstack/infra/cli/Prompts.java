package io.devstack.infra.cli;

import io.devstack.infra.runtime.StackException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CLI's questions: a yes/no before destroying state, and a backup passphrase (from a file or typed, never an
 * argument).
 */
final class Prompts {

    private Prompts() {}

    /** Returns when the user agreed (or {@code yes} was given); otherwise a one-line refusal. */
    static void confirm(String question, boolean yes) {
        if (yes) {
            return;
        }
        Console console = System.console();
        if (console == null) {
            throw new StackException(
                    "not asking on a non-interactive terminal: " + question + " — add --yes to proceed",
                    StackException.EXIT_FAILED);
        }
        String answer = console.readLine("%s [y/N] ", question);
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new StackException("cancelled, nothing was changed", StackException.EXIT_FAILED);
        }
    }

    /** The passphrase: the file's first line, or typed at the terminal ({@code twice} to confirm a new one). */
    static char[] passphrase(Path file, boolean twice) {
        if (file != null) {
            try {
                String first = Files.readString(file, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElse("");
                if (first.isEmpty()) {
                    throw new StackException(
                            "passphrase file " + file + " is empty — put the passphrase on its " + "first line",
                            StackException.EXIT_FAILED);
                }
                return first.toCharArray();
            } catch (IOException e) {
                throw new StackException(
                        "cannot read the passphrase file " + file + " ("
                                + e.getClass().getSimpleName() + ") — check the path and its permissions",
                        StackException.EXIT_FAILED);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new StackException(
                    "no terminal to type the passphrase in — use --passphrase-file FILE", StackException.EXIT_FAILED);
        }
        char[] passphrase = console.readPassword("Backup passphrase: ");
        if (passphrase == null || passphrase.length == 0) {
            throw new StackException("an empty passphrase is not allowed", StackException.EXIT_FAILED);
        }
        if (twice && !Arrays.equals(passphrase, console.readPassword("Same passphrase again: "))) {
            throw new StackException("the two passphrases differ — nothing was written", StackException.EXIT_FAILED);
        }
        return passphrase;
    }
}
