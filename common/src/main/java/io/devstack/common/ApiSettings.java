package io.devstack.common;

import io.devstack.common.http.CorsPolicy;
import io.devstack.common.http.HostPolicy;
import io.devstack.common.redis.RedisNodeAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything an API reads from its environment (docs/api-contract.md "Configuration"), parsed once at startup.
 * Unset variables take the native stack's defaults (loopback, standard ports); a bad value fails fast with an
 * {@link InvalidSettingException} naming the variable.
 */
public record ApiSettings(
        ApiModule module,
        String bindAddress,
        List<String> allowedHosts,
        URI vaultAddress,
        Path vaultAppRoleDir,
        HostPort postgres,
        HostPort mysql,
        HostPort mongodb,
        List<RedisNodeAddress> redisNodes,
        HostPort rabbitmq,
        int httpPort,
        int httpsPort,
        boolean tlsEnabled,
        List<String> corsAllowedOrigins,
        Duration backendTimeout,
        String logLevel) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The address all five APIs listen on (HTTP and HTTPS); loopback unless this opts into another one. */
    public static final String BIND_ADDRESS_VAR = "API_BIND_ADDRESS";

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final Pattern NODE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,50}");

    public ApiSettings {
        allowedHosts = List.copyOf(allowedHosts);
        redisNodes = List.copyOf(redisNodes);
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    public static ApiSettings fromEnvironment(Map<String, String> env, ApiModule module) {
        Reader in = new Reader(env);
        String bindAddress = in.host(BIND_ADDRESS_VAR);
        return new ApiSettings(
                module,
                bindAddress,
                in.allowedHosts(HostPolicy.ENV_VAR, bindAddress),
                in.vaultAddress("VAULT_ADDR", URI.create("http://" + DEFAULT_HOST + ":8200")),
                in.path("VAULT_APPROLE_DIR", defaultAppRoleDir(env, module)),
                new HostPort(in.host("POSTGRES_HOST"), in.port("POSTGRES_PORT", 5432)),
                new HostPort(in.host("MYSQL_HOST"), in.port("MYSQL_PORT", 3306)),
                new HostPort(in.host("MONGODB_HOST"), in.port("MONGODB_PORT", 27017)),
                in.redisNodes("REDIS_NODES"),
                new HostPort(in.host("RABBITMQ_HOST"), in.port("RABBITMQ_PORT", 5672)),
                in.port("HTTP_PORT", module.httpPort()),
                in.port("HTTPS_PORT", module.httpsPort()),
                in.bool("TLS_ENABLED", false),
                in.origins(CorsPolicy.ENV_VAR),
                Duration.ofMillis(in.integer("BACKEND_TIMEOUT_MS", 2000, 100, 60_000, "milliseconds")),
                in.logLevel("LOG_LEVEL"));
    }

    /** Where the native stack writes this API's role-id and secret-id: {@code $DEVSTACK_HOME/approle/<module>}. */
    private static Path defaultAppRoleDir(Map<String, String> env, ApiModule module) {
        String home = env.get("DEVSTACK_HOME");
        Path root =
                home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".devstack") : Path.of(home);
        return root.resolve("approle").resolve(module.moduleName());
    }

    /** Reads one variable at a time; blank counts as unset. */
    private record Reader(Map<String, String> env) {

        String raw(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String host(String name) {
            String value = raw(name);
            if (value == null) {
                return DEFAULT_HOST;
            }
            if (!value.matches("[A-Za-z0-9.:_-]+")) {
                throw invalid(name, value, "is not a host name or IP address", "e.g. 127.0.0.1 or postgres");
            }
            return value;
        }

        int port(String name, int fallback) {
            return integer(name, fallback, 1, 65_535, "a TCP port");
        }

        int integer(String name, int fallback, int min, int max, String unit) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the expected form
            }
            throw invalid(
                    name, value, "is not a whole number between " + min + " and " + max, unit + ", e.g. " + fallback);
        }

        boolean bool(String name, boolean fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw invalid(name, value, "is not a boolean", "true or false");
            };
        }

        URI vaultAddress(String name, URI fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                URI uri = URI.create(value);
                boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
                if (http && uri.getHost() != null && uri.getUserInfo() == null) {
                    return uri;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below; the value is not echoed because a URL can carry credentials
            }
            throw new InvalidSettingException(
                    name,
                    name + " is not a usable Vault address; expected http(s)://host:port, e.g. http://127.0.0.1:8200");
        }

        Path path(String name, Path fallback) {
            String value = raw(name);
            return value == null ? fallback : Path.of(value);
        }

        List<RedisNodeAddress> redisNodes(String name) {
            String value = raw(name);
            if (value == null) {
                return RedisNodeAddress.LOCAL_CLUSTER;
            }
            String expected = "name=host:port pairs separated by commas, e.g. "
                    + String.join(
                            ",",
                            RedisNodeAddress.LOCAL_CLUSTER.stream()
                                    .map(RedisNodeAddress::asSetting)
                                    .toList());
            List<RedisNodeAddress> nodes = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (String entry : value.split(",")) {
                String[] nameAndAddress = entry.trim().split("=", 2);
                int colon = nameAndAddress.length == 2 ? nameAndAddress[1].lastIndexOf(':') : -1;
                if (colon <= 0 || !NODE_NAME.matcher(nameAndAddress[0]).matches()) {
                    throw invalid(name, entry.trim(), "is not a name=host:port entry", expected);
                }
                String host = nameAndAddress[1].substring(0, colon);
                int port;
                try {
                    port = Integer.parseInt(nameAndAddress[1].substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65_535 || host.isBlank()) {
                    throw invalid(name, entry.trim(), "has no valid host and port", expected);
                }
                if (!names.add(nameAndAddress[0])) {
                    throw invalid(name, nameAndAddress[0], "names a node twice", expected);
                }
                nodes.add(new RedisNodeAddress(nameAndAddress[0], host, port));
            }
            return nodes;
        }

        /**
         * Host names accepted in the Host header besides the loopback names: the entries of {@code name}, plus the
         * bind address itself when it is one specific address (a wildcard names no host).
         */
        List<String> allowedHosts(String name, String bindAddress) {
            List<String> hosts = new ArrayList<>();
            String value = raw(name);
            if (value != null) {
                for (String entry : value.split(",")) {
                    String host = entry.trim();
                    if (!host.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
                        throw invalid(
                                name,
                                host,
                                "is not a host name or address (without port)",
                                "names separated by commas, e.g. devbox.local,192.168.1.20");
                    }
                    hosts.add(host);
                }
            }
            if (!WILDCARDS.contains(bindAddress)) {
                hosts.add(
                        bindAddress.contains(":") && !bindAddress.startsWith("[")
                                ? "[" + bindAddress + "]"
                                : bindAddress);
            }
            return hosts;
        }

        List<String> origins(String name) {
            String value = raw(name);
            if (value == null) {
                return CorsPolicy.DEFAULT_ORIGINS;
            }
            List<String> origins = new ArrayList<>();
            for (String origin : value.split(",")) {
                String trimmed = origin.trim();
                if (!trimmed.matches("https?://[^/\\s]+")) {
                    throw invalid(
                            name,
                            trimmed,
                            "is not an origin",
                            "scheme://host[:port] entries separated by commas, e.g. http://localhost:3000");
                }
                origins.add(trimmed);
            }
            return origins;
        }

        String logLevel(String name) {
            String value = raw(name);
            if (value == null) {
                return "INFO";
            }
            String upper = value.toUpperCase(Locale.ROOT);
            if (upper.equals("WARNING")) {
                return "WARN";
            }
            if (!LOG_LEVELS.contains(upper)) {
                throw invalid(name, value, "is not a log level", "one of TRACE, DEBUG, INFO, WARN, ERROR");
            }
            return upper;
        }

        private static InvalidSettingException invalid(String name, String value, String problem, String expected) {
            return new InvalidSettingException(name, name + "='" + value + "' " + problem + "; expected " + expected);
        }
    }
}
