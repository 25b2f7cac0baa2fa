package io.devstack.infra.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A named slice of the stack; profiles combine ({@code --profile standard --profile reference}). */
public enum Profile {
    MINIMAL,
    STANDARD,
    FULL,
    REFERENCE;

    /** The selection when no {@code --profile} is given: every backend the five APIs use. */
    public static final Profile DEFAULT = STANDARD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a profile name; the error lists the valid ones so the one line is enough to fix the call. */
    public static Profile parse(String value) {
        for (Profile p : values()) {
            if (p.id().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + value + "'; choose from "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }
}
