package io.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.infra.container.ContainerSpec;
import io.devstack.infra.container.StackContainers;
import io.devstack.infra.local.ApiEnvironment;
import io.devstack.infra.local.ApiLauncher;
import io.devstack.infra.local.ProcessSupervisor;
import io.devstack.infra.local.RedisLauncher;
import io.devstack.infra.model.AppRoleSpec;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.model.VaultLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fact, one place: service names and ports are written once, in {@link StackServices}; the native launchers, the
 * Vault layout and the containers (which the compose project and the Helm chart both render) take them from there.
 * Common's {@code ApiModule} is checked against the same list in parity-tests' {@code ApiModuleMatchesStackModelTest}.
 */
class StackModelSingleSourceTest {

    @TempDir
    Path home;

    @Test
    void everyPublishedPortBelongsToExactlyOneService() {
        List<Integer> ports =
                StackServices.ALL.stream().flatMap(s -> s.hostPorts().stream()).toList();
        assertThat(ports).doesNotHaveDuplicates();
    }

    @Test
    void theApisAreTheFiveModulesInContractOrderWithTheirHttpAndHttpsPorts() {
        assertThat(StackServices.apiNames())
                .containsExactly("api-spring", "api-micronaut", "api-helidon", "api-vertx", "api-javalin");
        assertThat(StackServices.apis())
                .extracting(StackService::mainPort)
                .containsExactly(8000, 8001, 8002, 8003, 8004);
        assertThat(StackServices.apis())
                .extracting(StackService::httpsPort)
                .containsExactly(8443, 8444, 8445, 8446, 8447);
        assertThat(StackServices.redisNodeNames()).containsExactly("redis-1", "redis-2", "redis-3");
    }

    /** The {@code devstack} script builds and starts the root POM's {@code api-*} modules: the model's five. */
    @Test
    void theRootPomsApiModulesAreTheModelsApis() throws IOException {
        String rootPom = Files.readString(Path.of("..", "pom.xml"));
        List<String> apiModules = Pattern.compile("<module>(api-[a-z]+)</module>")
                .matcher(rootPom)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(apiModules).isEqualTo(StackServices.apiNames());
    }

    @Test
    void theNativeLaunchersUseTheModelsNamesAndPorts() {
        ProcessSupervisor supervisor = new ProcessSupervisor(new DevstackHome(home));
        for (StackService api : StackServices.apis()) {
            ApiLauncher launcher = new ApiLauncher(supervisor, api);
            assertThat(launcher.service()).isEqualTo(api.name());
            assertThat(launcher.ports()).containsExactly(api.mainPort());
        }
        for (StackService node : StackServices.redisNodes()) {
            RedisLauncher launcher = new RedisLauncher(supervisor, node);
            assertThat(launcher.service()).isEqualTo(node.name());
            assertThat(launcher.ports())
                    .containsExactly(node.mainPort(), node.hostPorts().get(2));
        }
        assertThat(ApiEnvironment.redisNodes())
                .isEqualTo(StackServices.redisNodes().stream()
                        .map(n -> n.name() + "=127.0.0.1:" + n.mainPort())
                        .collect(Collectors.joining(",")));
    }

    @Test
    void theContainersPublishTheModelsApiPortsAndReachTheModelsRedisNodes() {
        String redisNodes = StackServices.redisNodes().stream()
                .map(n -> n.name() + "=" + n.name() + ":" + n.mainPort())
                .collect(Collectors.joining(","));
        for (StackService api : StackServices.apis()) {
            ContainerSpec spec = StackContainers.of(api);
            assertThat(spec.ports())
                    .containsExactly(
                            "127.0.0.1:" + api.mainPort() + ":" + api.mainPort(),
                            "127.0.0.1:" + api.httpsPort() + ":" + api.httpsPort());
            assertThat(spec.environment())
                    .containsEntry("HTTP_PORT", Integer.toString(api.mainPort()))
                    .containsEntry("HTTPS_PORT", Integer.toString(api.httpsPort()))
                    .containsEntry("REDIS_NODES", redisNodes);
            assertThat(spec.dependsOn()).containsExactlyElementsOf(StackServices.backendNames());
        }
        for (StackService node : StackServices.redisNodes()) {
            assertThat(StackContainers.of(node).ports()).anyMatch(p -> p.endsWith(":" + node.mainPort()));
        }
    }

    @Test
    void theVaultLayoutHasAnAppRoleForEveryApiAndASecretAndAppRoleForEveryRedisNode() {
        VaultLayout layout = VaultLayout.standard();
        List<String> roles = layout.clients().stream().map(AppRoleSpec::name).toList();
        assertThat(roles).containsAll(StackServices.apiNames()).containsAll(StackServices.redisNodeNames());
        StackServices.redisNodeNames()
                .forEach(node -> assertThat(layout.secret(node)).isPresent());
    }
}
