package io.devstack.infra.cli;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.compose.ComposeProject;
import io.devstack.infra.model.Profile;
import io.devstack.infra.runtime.ComposeRuntime;
import io.devstack.infra.model.StackService;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devstack generate}: writes the Docker Compose project for the selected profiles. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the Docker Compose project (docker-compose.yml, init wrappers, configs) for the profiles.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--profile", split = ",", paramLabel = "PROFILE",
            description = "minimal, standard (default), full, reference; repeatable or comma-separated.")
    List<String> profiles = List.of();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the project into.")
    Path out;

    @Option(names = "--source", paramLabel = "DIR",
            description = "Repository root holding the api-* modules the API images are built from "
                    + "(default: $DEVSTACK_SOURCE, else the current folder).")
    Path source;

    @Override
    public Integer call() {
        Set<Profile> selected = EnumSet.noneOf(Profile.class);
        profiles.forEach(p -> selected.add(Profile.parse(p)));
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
