package io.devstack.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL refuses to run as root. As root we run it in a user namespace where our uid is mapped to
 * {@code nobody}: it sees itself unprivileged, while its files stay owned by us, so the DevStack home can stay
 * private (0700) and no {@code chown} is needed.
 */
final class Unprivileged {

    private static final Path UNSHARE = Path.of("/usr/bin/unshare");

    private Unprivileged() {}

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefix that drops root, or nothing for a normal user. */
    static List<String> prefix() {
        if (!isRoot()) {
            return List.of();
        }
        if (!Files.isExecutable(UNSHARE)) {
            throw new IllegalStateException("PostgreSQL cannot run as root and /usr/bin/unshare is missing; "
                    + "install util-linux or run devstack as a normal user");
        }
        return List.of(UNSHARE.toString(), "--user", "--map-user=65534", "--map-group=65534");
    }
}
