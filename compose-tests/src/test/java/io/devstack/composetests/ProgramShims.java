package io.devstack.composetests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder that stands first on {@code PATH} with one shim per program of the real {@code PATH}: each shim appends
 * its name and arguments (what {@code ps} would show) to {@code DEVSTACK_ARGV_LOG}, then execs the real program.
 * Builtins and the script's own functions are not processes, so they are not logged. {@code nc} is busybox's, the
 * one the alpine images ship (Debian's {@code busybox} package; {@code .ci/run} installs it).
 */
final class ProgramShims {

    private static final String SHIM = """
            #!/bin/dash
            name=${0##*/}
            printf '%s %s\\n' "$name" "$*" >>"$DEVSTACK_ARGV_LOG"
            IFS=:
            for dir in $DEVSTACK_REAL_PATH; do
              [ -x "$dir/$name" ] && [ ! -d "$dir/$name" ] && exec "$dir/$name" "$@"
            done
            printf 'shim: %s not found\\n' "$name" >&2
            exit 127
            """;

    private ProgramShims() {}

    /** Creates the shim folder: a symlink per program name found on the real {@code PATH}, plus {@code nc}. */
    static Path create(Path dir) throws IOException {
        Path busybox = onPath("busybox");
        if (busybox == null) {
            throw new IllegalStateException("busybox is not installed: `apt-get install busybox` (.ci/run does it); "
                    + "the alpine images' wrappers reach Vault with busybox nc");
        }
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.createSymbolicLink(real.resolve("nc"), busybox);
        Path shims = Files.createDirectories(dir.resolve("bin"));
        Path shim = dir.resolve("shim");
        Files.writeString(shim, SHIM);
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String entry : realPath(real).split(":")) {
            Path folder = Path.of(entry);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(folder)) {
                for (Path program : programs.toList()) {
                    Path link = shims.resolve(program.getFileName().toString());
                    if (Files.isExecutable(program) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, shim);
                    }
                }
            }
        }
        return dir;
    }

    /** The environment that routes every program through the shims and logs to {@code argvLog}. */
    static Map<String, String> environment(Path dir, Path argvLog) {
        return Map.of(
                "PATH", dir.resolve("bin").toString(),
                "DEVSTACK_REAL_PATH", realPath(dir.resolve("real")),
                "DEVSTACK_ARGV_LOG", argvLog.toString());
    }

    private static String realPath(Path real) {
        return real + ":" + System.getenv("PATH");
    }

    private static Path onPath(String program) {
        for (String entry : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
