package io.devstack.infra.local.mongo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One SCRAM-SHA-256 user, stored the way MongoDB stores it: never the password, only what lets the server
 * check a proof ({@code storedKey}) and prove itself back ({@code serverKey}).
 *
 * <p>The user authenticates against {@code database} and may use that database; a user of {@code admin}
 * (the compose runtime's root user) may use every database.
 */
@JsonPropertyOrder({"user", "db", "iterationCount", "salt", "storedKey", "serverKey"})
public record MongoUser(
        @JsonProperty("user") String name,
        @JsonProperty("db") String database,
        @JsonProperty("iterationCount") int iterationCount,
        @JsonProperty("salt") byte[] salt,
        @JsonProperty("storedKey") byte[] storedKey,
        @JsonProperty("serverKey") byte[] serverKey) {

    static final String ADMIN_DATABASE = "admin";

    public boolean mayUse(String databaseName) {
        return database.equals(databaseName) || ADMIN_DATABASE.equals(database);
    }

    boolean isRoot() {
        return ADMIN_DATABASE.equals(database);
    }

    /** Names the user only: the keys stay out of logs. */
    @Override
    public String toString() {
        return name + "@" + database;
    }
}
