package io.devstack.infra.local.mongo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.internal.authentication.SaslPrep;
import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The users file of the MongoDB-wire server: JSON, mode 0600, holding per user the SCRAM-SHA-256 salt,
 * iteration count, StoredKey and ServerKey (base64) — never the password.
 *
 * <pre>{"users":[{"user":"app","db":"appdb","iterationCount":15000,"salt":"…","storedKey":"…","serverKey":"…"}]}</pre>
 */
public final class MongoUsers {

    /** MongoDB's default {@code scramSHA256IterationCount}. */
    public static final int ITERATIONS = 15_000;
    /** MongoDB's salt length for SCRAM-SHA-256 (the hash length minus the 4-byte block index). */
    private static final int SALT_BYTES = 28;

    private static final int KEY_BYTES = 32;
    /** The driver refuses fewer iterations than this. */
    private static final int MIN_ITERATIONS = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    record UsersFile(List<MongoUser> users) {}

    private MongoUsers() {}

    /**
     * Derives the stored credentials of {@code user} from {@code password}, with a fresh salt; the password is not
     * kept.
     */
    public static MongoUser derive(String database, String user, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(database, user, password, salt, ITERATIONS);
    }

    static MongoUser derive(String database, String user, char[] password, byte[] salt, int iterations) {
        requireName(user, "user");
        requireName(database, "database");
        // The client normalizes the password with SASLprep before hashing; the server must derive from the same bytes.
        // The driver's own implementation is used so both sides agree exactly (driver version pinned in the parent
        // pom).
        char[] normalized = SaslPrep.saslPrepStored(new String(password)).toCharArray();
        byte[] saltedPassword = ScramSha256.saltedPassword(normalized, salt, iterations);
        Arrays.fill(normalized, '\0');
        byte[] clientKey = ScramSha256.clientKey(saltedPassword);
        return new MongoUser(
                user,
                database,
                iterations,
                salt.clone(),
                ScramSha256.storedKey(clientKey),
                ScramSha256.serverKey(saltedPassword));
    }

    /** Writes {@code users} to {@code file}, created with mode 0600 (its directory 0700). */
    public static void write(Path file, List<MongoUser> users) {
        validate(users, file);
        try {
            DevstackHome.writePrivateFile(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new UsersFile(users)));
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot encode MongoDB users: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads and checks {@code file}; every failure is one line naming the file, the problem and the fix. */
    public static List<MongoUser> load(Path file) {
        String where = "MongoDB users file " + file;
        try {
            requireOwnerOnly(file, where);
            UsersFile parsed = JSON.readValue(file.toFile(), UsersFile.class);
            if (parsed == null || parsed.users() == null || parsed.users().isEmpty()) {
                throw new IllegalArgumentException(where + " lists no users; write it with MongoUsers.write");
            }
            validate(parsed.users(), file);
            return List.copyOf(parsed.users());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(
                    where + " does not exist; create it with MongoUsers.write (devstack up does)");
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    where + " is not valid: " + e.getOriginalMessage() + "; rewrite it with MongoUsers.write");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    private static void requireOwnerOnly(Path file, String where) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        Set<PosixFilePermission> others = Set.of(
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        if (permissions.stream().anyMatch(others::contains)) {
            throw new IllegalArgumentException(where + " is open to other users ("
                    + PosixFilePermissions.toString(permissions) + "); run chmod 600 on it");
        }
    }

    private static void validate(List<MongoUser> users, Path file) {
        Set<String> seen = new HashSet<>();
        for (MongoUser user : users) {
            String problem = problemWith(user);
            if (problem != null) {
                throw new IllegalArgumentException("MongoDB users file " + file + ": user " + user + " " + problem
                        + "; derive it with MongoUsers.derive");
            }
            if (!seen.add(user.database() + "\0" + user.name())) {
                throw new IllegalArgumentException("MongoDB users file " + file + " lists " + user
                        + " twice; keep one entry per user and database");
            }
        }
    }

    private static String problemWith(MongoUser user) {
        if (isBlank(user.name()) || isBlank(user.database())) {
            return "has no name or database";
        } else if (user.iterationCount() < MIN_ITERATIONS) {
            return "has iterationCount " + user.iterationCount() + ", below the driver's minimum " + MIN_ITERATIONS;
        } else if (user.salt() == null || user.salt().length == 0) {
            return "has no salt";
        } else if (user.storedKey() == null
                || user.storedKey().length != KEY_BYTES
                || user.serverKey() == null
                || user.serverKey().length != KEY_BYTES) {
            return "needs a 32-byte storedKey and serverKey";
        }
        return null;
    }

    private static void requireName(String value, String what) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("MongoDB " + what + " name must not be blank");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
