package io.devstack.infra.ops;

import io.devstack.infra.model.NativeSupport;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.runtime.LocalRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code devstack profiles}: what each profile starts and how much memory it takes, measured as the resident set
 * ({@code VmRSS}, the process and its children) of every service of the profile that is running now.
 */
public final class ProfileMemory {

    /** One profile: its services and, for the running native ones, the measured RSS. */
    public record Row(Profile profile, List<StackService> services, Map<String, Long> rssKiB) {

        public long totalKiB() {
            return rssKiB.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Services with no native process (compose only). */
        public List<String> composeOnly() {
            return services.stream()
                    .filter(s -> s.nativeSupport() == NativeSupport.COMPOSE_ONLY)
                    .map(StackService::name)
                    .toList();
        }
    }

    private ProfileMemory() {}

    public static List<Row> measure(LocalRuntime runtime) {
        Map<String, Long> pids = runtime.pids();
        return Arrays.stream(Profile.values())
                .map(profile -> {
                    List<StackService> services = StackServices.select(EnumSet.of(profile));
                    Map<String, Long> rss = new LinkedHashMap<>();
                    for (StackService s : services) {
                        Long pid = pids.get(s.name());
                        if (pid != null) {
                            rss(pid).ifPresent(kib -> rss.put(s.name(), kib));
                        }
                    }
                    return new Row(profile, services, rss);
                })
                .toList();
    }

    /** VmRSS of the process and its descendants (PostgreSQL's workers), from /proc. */
    static OptionalLong rss(long pid) {
        return ProcessHandle.of(pid)
                .map(p -> {
                    long total = vmRss(p.pid());
                    for (ProcessHandle child : p.descendants().toList()) {
                        total += vmRss(child.pid());
                    }
                    return OptionalLong.of(total);
                })
                .orElse(OptionalLong.empty());
    }

    private static long vmRss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
