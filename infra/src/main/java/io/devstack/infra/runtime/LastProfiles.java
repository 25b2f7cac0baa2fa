package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.model.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profiles the last {@code up} was given, kept in {@code run/profiles}: {@code status}, {@code health},
 * {@code restart} and single-service starts follow that selection.
 */
final class LastProfiles {

    private final DevstackHome home;

    LastProfiles(DevstackHome home) {
        this.home = home;
    }

    /** The remembered profiles; empty (the default selection) when none are, or the file cannot be read. */
    Set<Profile> read() {
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        try {
            if (Files.exists(file())) {
                for (String id : Files.readString(file()).strip().split(",")) {
                    if (!id.isBlank()) {
                        profiles.add(Profile.parse(id));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // fall back to the default selection
        }
        return profiles;
    }

    void remember(Set<Profile> profiles) {
        DevstackHome.privateDirectory(home.runDir());
        try {
            Files.writeString(file(), profiles.stream().map(Profile::id).collect(Collectors.joining(",")) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file() {
        return home.runDir().resolve("profiles");
    }
}
