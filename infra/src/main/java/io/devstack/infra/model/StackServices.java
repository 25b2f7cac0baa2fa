package io.devstack.infra.model;

import static io.devstack.infra.model.NativeSupport.API_MODULE;
import static io.devstack.infra.model.NativeSupport.COMPOSE_ONLY;
import static io.devstack.infra.model.NativeSupport.NATIVE;
import static io.devstack.infra.model.Profile.FULL;
import static io.devstack.infra.model.Profile.MINIMAL;
import static io.devstack.infra.model.Profile.REFERENCE;
import static io.devstack.infra.model.Profile.STANDARD;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The 23 services of the stack (docs/stack.md) in start order, and the profile selection over them. */
public final class StackServices {

    private static final Set<Profile> ALWAYS = EnumSet.allOf(Profile.class);
    private static final Set<Profile> MIN_UP = EnumSet.of(MINIMAL, STANDARD, FULL);
    private static final Set<Profile> STD_UP = EnumSet.of(STANDARD, FULL);
    private static final Set<Profile> FULL_ONLY = EnumSet.of(FULL);
    private static final Set<Profile> REF = EnumSet.of(REFERENCE);

    public static final List<StackService> ALL = List.of(
            new StackService("vault", List.of(8200), ALWAYS, NATIVE),
            new StackService("postgres", List.of(5432), MIN_UP, NATIVE),
            new StackService("pgbouncer", List.of(6432), MIN_UP, COMPOSE_ONLY),
            new StackService("mysql", List.of(3306), STD_UP, NATIVE),
            new StackService("redis-1", List.of(6379, 6390, 16379), MIN_UP, NATIVE),
            new StackService("redis-2", List.of(6380, 6391, 16380), STD_UP, NATIVE),
            new StackService("redis-3", List.of(6381, 6392, 16381), STD_UP, NATIVE),
            new StackService("rabbitmq", List.of(5672, 5671, 15672), STD_UP, NATIVE),
            new StackService("mongodb", List.of(27017), STD_UP, NATIVE),
            new StackService("forgejo", List.of(3000, 2222), MIN_UP, COMPOSE_ONLY),
            new StackService("api-spring", List.of(8000, 8443), REF, API_MODULE),
            new StackService("api-micronaut", List.of(8001, 8444), REF, API_MODULE),
            new StackService("api-helidon", List.of(8002, 8445), REF, API_MODULE),
            new StackService("api-vertx", List.of(8003, 8446), REF, API_MODULE),
            new StackService("api-javalin", List.of(8004, 8447), REF, API_MODULE),
            new StackService("prometheus", List.of(9090), FULL_ONLY, COMPOSE_ONLY),
            new StackService("grafana", List.of(3001), FULL_ONLY, COMPOSE_ONLY),
            new StackService("loki", List.of(3100), FULL_ONLY, COMPOSE_ONLY),
            new StackService("vector", List.of(8686), FULL_ONLY, COMPOSE_ONLY),
            new StackService("promtail", List.of(), FULL_ONLY, COMPOSE_ONLY),
            new StackService("cadvisor", List.of(8080), FULL_ONLY, COMPOSE_ONLY),
            new StackService("redis-exporter-1", List.of(9121), FULL_ONLY, COMPOSE_ONLY),
            new StackService("redis-exporter-2", List.of(9122), FULL_ONLY, COMPOSE_ONLY),
            new StackService("redis-exporter-3", List.of(9123), FULL_ONLY, COMPOSE_ONLY));

    private StackServices() {}

    /** The five reference APIs in contract order (docs/api-contract.md): the HTTP port first, then HTTPS. */
    public static List<StackService> apis() {
        return ALL.stream().filter(s -> s.nativeSupport() == API_MODULE).toList();
    }

    public static List<String> apiNames() {
        return apis().stream().map(StackService::name).toList();
    }

    /** The Redis cluster's nodes, {@code redis-1} first: the client port first, then TLS, then the cluster bus. */
    public static List<StackService> redisNodes() {
        return ALL.stream()
                .filter(s -> s.isNative() && s.name().startsWith("redis-"))
                .toList();
    }

    public static List<String> redisNodeNames() {
        return redisNodes().stream().map(StackService::name).toList();
    }

    /** The backends the reference APIs talk to, in start order: exactly the services the native runtime runs. */
    public static List<String> backendNames() {
        return ALL.stream()
                .filter(StackService::isNative)
                .map(StackService::name)
                .toList();
    }

    public static Optional<StackService> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static StackService require(String name) {
        return byName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'; known: "
                        + String.join(", ", ALL.stream().map(StackService::name).toList())));
    }

    /** Every profile whose selection (with {@code reference} pulling in the APIs' backends) includes the service. */
    public static List<Profile> profilesSelecting(StackService service) {
        return Arrays.stream(Profile.values())
                .filter(p -> select(Set.of(p)).contains(service))
                .toList();
    }

    /**
     * The services the given profiles select, in start order; no profile means {@link Profile#DEFAULT}.
     * {@code reference} pulls in the backends the APIs depend on.
     */
    public static List<StackService> select(Collection<Profile> profiles) {
        Set<Profile> chosen = profiles.isEmpty() ? EnumSet.of(Profile.DEFAULT) : EnumSet.copyOf(profiles);
        Set<String> names = new LinkedHashSet<>();
        for (StackService s : ALL) {
            if (s.profiles().stream().anyMatch(chosen::contains)) {
                names.add(s.name());
            }
        }
        if (chosen.contains(REFERENCE)) {
            names.addAll(backendNames());
        }
        return ALL.stream().filter(s -> names.contains(s.name())).toList();
    }
}
