package io.devstack.infra.container;

import io.devstack.infra.model.StackService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the compose runtime runs one {@link StackService}: image (or the API module it is built from), networks
 * with the static IP on its home network, published ports, environment, mounts, health check, the services it
 * waits for, resource limits and, for every Vault client, its {@link InitWrapper}.
 */
public record ContainerSpec(
        String service,
        String image,
        String buildModule,
        ComposeNetwork homeNetwork,
        String ip,
        List<ComposeNetwork> otherNetworks,
        List<String> ports,
        Map<String, String> environment,
        List<Mount> mounts,
        List<String> command,
        List<String> entrypoint,
        HealthCheck health,
        List<String> dependsOn,
        String memory,
        double cpus,
        String user,
        InitWrapper init) {

    public ContainerSpec {
        otherNetworks = List.copyOf(otherNetworks);
        ports = List.copyOf(ports);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        mounts = List.copyOf(mounts);
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        dependsOn = List.copyOf(dependsOn);
    }

    public String containerName() {
        return "dev-" + service;
    }

    public List<ComposeNetwork> networks() {
        List<ComposeNetwork> all = new ArrayList<>();
        all.add(homeNetwork);
        otherNetworks.stream().filter(n -> n != homeNetwork).forEach(all::add);
        return all;
    }

    public static Builder of(String service, String image) {
        return new Builder(service, image);
    }

    /** Fluent construction, so {@link StackContainers} reads as one short paragraph per service. */
    public static final class Builder {
        private final String service;
        private final String image;
        private String buildModule;
        private ComposeNetwork home;
        private String ip;
        private final List<ComposeNetwork> others = new ArrayList<>();
        private final List<String> ports = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final List<String> command = new ArrayList<>();
        private final List<String> entrypoint = new ArrayList<>();
        private HealthCheck health;
        private final List<String> dependsOn = new ArrayList<>();
        private String memory = "512m";
        private double cpus = 1.0;
        private String user;
        private InitWrapper init;

        private Builder(String service, String image) {
            this.service = service;
            this.image = image;
        }

        public Builder builtFrom(String module) {
            this.buildModule = module;
            return this;
        }

        public Builder at(ComposeNetwork network, int host) {
            this.home = network;
            this.ip = network.address(host);
            return this;
        }

        public Builder alsoOn(ComposeNetwork... networks) {
            others.addAll(List.of(networks));
            return this;
        }

        /** Publishes {@code host:container} on 127.0.0.1 only: a developer stack is not a LAN service. */
        public Builder port(int host, int container) {
            ports.add("127.0.0.1:" + host + ":" + container);
            return this;
        }

        public Builder port(int port) {
            return port(port, port);
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder mount(Mount mount) {
            mounts.add(mount);
            return this;
        }

        public Builder command(String... args) {
            command.addAll(List.of(args));
            return this;
        }

        public Builder entrypoint(String... args) {
            entrypoint.addAll(List.of(args));
            return this;
        }

        public Builder health(HealthCheck check) {
            this.health = check;
            return this;
        }

        public Builder after(String... services) {
            dependsOn.addAll(List.of(services));
            return this;
        }

        public Builder limits(String memory, double cpus) {
            this.memory = memory;
            this.cpus = cpus;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder init(InitWrapper wrapper) {
            this.init = wrapper;
            return this;
        }

        /** Runs the container as root so the wrapper reads the AppRole files, then execs as {@code imageUser}. */
        public Builder dropPrivilegesTo(String imageUser) {
            this.init = init.droppingTo(imageUser);
            this.user = "root";
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(
                    service,
                    image,
                    buildModule,
                    home,
                    ip,
                    others,
                    ports,
                    env,
                    mounts,
                    command,
                    entrypoint,
                    health,
                    dependsOn,
                    memory,
                    cpus,
                    user,
                    init);
        }
    }
}
