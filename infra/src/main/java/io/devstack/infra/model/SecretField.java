package io.devstack.infra.model;

/** How one field of a KV secret gets its first value; after that Vault holds the truth. */
public sealed interface SecretField {

    /** A value everyone knows, such as a user or database name. */
    record Fixed(String value) implements SecretField {}

    /**
     * A random password made at bootstrap. Fields with the same {@code sharedGroup} get one value
     * (the three Redis nodes share a password); a {@code null} group means a value of its own.
     */
    record Password(String sharedGroup) implements SecretField {}

    /** A boolean switch, stored as a JSON boolean so clients read {@code true}/{@code false}, not a string. */
    record Flag(boolean initial) implements SecretField {}
}
