package io.devstack.common.http;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which requests an API serves at all, decided before CORS, routing or any backend (a loopback API is reachable from
 * every web page the developer opens):
 * <ul>
 *   <li>the {@code Host} header must be a loopback name ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, any
 *       port) or one named in {@value #ENV_VAR}; otherwise 403 — a DNS-rebound page sends its own host name;</li>
 *   <li>a state-changing request (POST, PUT, PATCH, DELETE) that carries an {@code Origin} must come from an allowed
 *       CORS origin; otherwise 403 — CORS only hides the answer from such a page, it does not stop the write.</li>
 * </ul>
 * A request without {@code Origin} (curl, another service) is not a browser's cross-site request and passes.
 */
public final class HostPolicy {

    public static final String ENV_VAR = "API_ALLOWED_HOSTS";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> allowedHosts;

    /** @param extraHosts host names or addresses (no port) accepted besides the loopback names */
    public HostPolicy(Collection<String> extraHosts) {
        this.allowedHosts = Stream.concat(LOOPBACK.stream(), extraHosts.stream().map(HostPolicy::normalise))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /** Whether {@code hostHeader} ({@code name[:port]}, {@code [v6][:port]}) names this API; absent → no. */
    public boolean allowsHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.strip();
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        if (end > 0 && end < host.length()) {
            String port = host.substring(end + (host.charAt(end) == ':' ? 1 : 0));
            if (host.charAt(end) != ':' || port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return allowedHosts.contains(normalise(end > 0 ? host.substring(0, end) : host));
    }

    /** Whether a {@code method} request from {@code origin} must be refused under {@code cors}. */
    public static boolean refusesWrite(String method, String origin, CorsPolicy cors) {
        return origin != null && STATE_CHANGING.contains(method) && !cors.allows(origin);
    }

    private static String normalise(String host) {
        return host.strip().toLowerCase(Locale.ROOT);
    }
}
