package io.devstack.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run was measured on, as the report names it. */
public record Machine(
        String host, int cpus, String cpuModel, double memoryGb, String os, String jdk, String loadAverageAtStart) {

    static Machine describe() {
        return new Machine(
                hostName(),
                Runtime.getRuntime().availableProcessors(),
                firstLine(Path.of("/proc/cpuinfo"), "model name").replaceFirst("^model name\\s*:\\s*", ""),
                Math.round(memTotalKb() / 1024.0 / 1024.0 * 10) / 10.0,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                loadAverage());
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memTotalKb() {
        String line = firstLine(Path.of("/proc/meminfo"), "MemTotal");
        return line.isEmpty() ? 0 : Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static String firstLine(Path file, String prefix) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
