package io.devstack.infra.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds, before anything starts, which of the ports the stack needs are taken, and by what if Linux tells. */
public final class PortCheck {

    /** A port the stack needs that something else holds. */
    public record Conflict(int port, String service, Optional<String> holder) {

        /** One line: the port, the service, what holds it and the fix. */
        public String message() {
            return "port " + port + " (" + service + ") is in use"
                    + holder.map(h -> " by " + h).orElse("")
                    + " — stop that process, or run ./devstack down if it is a DevStack still running";
        }
    }

    private PortCheck() {}

    /** {@code portsByService}: service name → the ports it binds; returns every conflict, in that order. */
    public static List<Conflict> conflicts(Map<String, List<Integer>> portsByService) {
        List<Conflict> conflicts = new ArrayList<>();
        portsByService.forEach((service, ports) -> ports.stream()
                .filter(p -> !isFree(p))
                .forEach(p -> conflicts.add(new Conflict(p, service, listener(p)))));
        return conflicts;
    }

    /** True when a server could bind 127.0.0.1:port now (a socket in TIME_WAIT does not count). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** "pid 1234 (postgres)" for the process listening on {@code port}, when /proc lets us see it. */
    public static Optional<String> listener(int port) {
        Optional<String> inode = listeningInode(port);
        if (inode.isEmpty()) {
            return Optional.empty();
        }
        String target = "socket:[" + inode.get() + "]";
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holdsSocket(p, target))
                    .findFirst()
                    .map(p -> "pid " + p.getFileName() + " (" + comm(p) + ")");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Parses /proc/net/tcp(6): "sl local rem st ... inode", state 0A = LISTEN, ports in hex. */
    static Optional<String> listeningInode(int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    Optional<String> inode = inodeOfListener(line, hexPort);
                    if (inode.isPresent()) {
                        return inode;
                    }
                }
            } catch (IOException ignored) {
                // not Linux, or no access: we just cannot name the holder
            }
        }
        return Optional.empty();
    }

    static Optional<String> inodeOfListener(String line, String hexPort) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
            return Optional.of(f[9]);
        }
        return Optional.empty();
    }

    private static boolean holdsSocket(Path proc, String target) {
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(target);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
