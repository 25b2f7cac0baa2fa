package io.devstack.infra.cli;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.runtime.ComposeRuntime;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.StackException;
import io.devstack.infra.runtime.StackRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devstack}: the root command; each leaf is its own class, failures go through {@link CliErrorHandler}. */
@Command(
        name = "devstack",
        mixinStandardHelpOptions = true,
        versionProvider = DevstackCommand.Version.class,
        description = "Runs the DevStack Core backends (Vault, PostgreSQL, MySQL, MongoDB, Redis cluster, AMQP) "
                + "on this machine.",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            HealthCommand.class,
            LogsCommand.class,
            VaultCommand.class,
            RedisClusterInitCommand.class,
            GenerateCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            VerifyCommand.class,
            ShellCommand.class,
            ProfilesCommand.class,
            RestartCommand.class,
            ResetCommand.class,
            CommandLine.HelpCommand.class
        })
public final class DevstackCommand {

    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Show the full cause of a failure (stack trace).")
    boolean verbose;

    private LocalRuntime localRuntime;

    /**
     * The Docker Compose runtime over the same home; API images are built from $DEVSTACK_SOURCE or the current folder.
     */
    ComposeRuntime composeRuntime() {
        return new ComposeRuntime(DevstackHome.fromEnvironment(), GenerateCommand.sourceRoot(null));
    }

    /** The runtime the last {@code up} used: Docker when it left its marker, else native. */
    StackRuntime activeRuntime() {
        return ComposeRuntime.isActive(DevstackHome.fromEnvironment()) ? composeRuntime() : localRuntime();
    }

    /** The native runtime over {@code $DEVSTACK_HOME} (default {@code ~/.devstack}). */
    LocalRuntime localRuntime() {
        if (localRuntime == null) {
            localRuntime = new LocalRuntime(DevstackHome.fromEnvironment());
        }
        return localRuntime;
    }

    /** The native runtime for a command that has no Docker implementation yet; one line when Docker is active. */
    LocalRuntime nativeRuntime(String command) {
        if (ComposeRuntime.isActive(DevstackHome.fromEnvironment())) {
            throw new StackException(
                    "'" + command + "' works on the native runtime only "
                            + "for now; the Docker stack is active — use docker compose directly",
                    StackException.EXIT_UNSUPPORTED);
        }
        return localRuntime();
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DevstackCommand());
        cli.setExecutionExceptionHandler(new CliErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        // lettuce, the drivers and the JDK HTTP client leave non-daemon threads; the command is done
        System.exit(exit);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DevstackCommand.class.getPackage().getImplementationVersion();
            return new String[] {"devstack " + (version == null ? "(development build)" : version)};
        }
    }
}
