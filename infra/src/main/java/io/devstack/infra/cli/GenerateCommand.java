package io.devstack.infra.cli;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.compose.ComposeProject;
import io.devstack.infra.helm.HelmChart;
import io.devstack.infra.model.Profile;
import io.devstack.infra.model.StackService;
import io.devstack.infra.model.VaultLayout;
import io.devstack.infra.runtime.ComposeRuntime;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devstack generate}: writes the Docker Compose project (default) or the Helm chart for the profiles. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write the Docker Compose project (docker-compose.yml, init wrappers, configs) for the profiles,",
            "or with --target helm a Helm chart of the whole stack (the profiles become its default selection)."
        })
final class GenerateCommand implements Callable<Integer> {

    /** What to generate from the stack model. */
    enum Target {
        compose,
        helm
    }

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            defaultValue = "compose",
            description = "compose (default) or helm; valid: ${COMPLETION-CANDIDATES}.")
    Target target = Target.compose;

    @Option(
            names = "--profile",
            split = ",",
            paramLabel = "PROFILE",
            description = "minimal, standard (default), full, reference; repeatable or comma-separated.")
    List<String> profiles = List.of();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the project into.")
    Path out;

    @Option(
            names = "--source",
            paramLabel = "DIR",
            description = "Repository root holding the api-* modules the API images are built from "
                    + "(default: $DEVSTACK_SOURCE, else the current folder).")
    Path source;

    @Override
    public Integer call() {
        Set<Profile> selected = EnumSet.noneOf(Profile.class);
        profiles.forEach(p -> selected.add(Profile.parse(p)));
        if (target == Target.helm) {
            Path chart = new HelmChart(VaultLayout.standard())
                    .write(selected, out.toAbsolutePath().normalize());
            System.out.println("wrote the Helm chart " + chart + " (profiles by default: "
                    + String.join(
                            ", ",
                            (selected.isEmpty() ? HelmChart.DEFAULT_PROFILES : selected)
                                    .stream().map(Profile::id).toList())
                    + "); check it with `helm lint " + out + "`, install it with `helm install devstack " + out + "`");
            return 0;
        }
        Path root = sourceRoot(source);
        // mounts point where `up --runtime docker` keeps the Docker stack's AppRole files
        List<StackService> services = new ComposeProject(ComposeRuntime.stateHome(DevstackHome.fromEnvironment()), root)
                .write(selected, out.toAbsolutePath().normalize());
        System.out.println("wrote " + out.resolve(ComposeProject.COMPOSE_FILE) + " (" + services.size() + " services: "
                + String.join(", ", services.stream().map(StackService::name).toList()) + ")");
        return 0;
    }

    static Path sourceRoot(Path given) {
        if (given != null) {
            return given.toAbsolutePath().normalize();
        }
        String env = System.getenv("DEVSTACK_SOURCE");
        return Path.of(env == null || env.isBlank() ? "" : env).toAbsolutePath().normalize();
    }
}
