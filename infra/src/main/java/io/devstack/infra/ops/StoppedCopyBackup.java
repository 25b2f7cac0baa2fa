package io.devstack.infra.ops;

import io.devstack.infra.local.AmqpLauncher;
import io.devstack.infra.local.BinaryVersions;
import io.devstack.infra.local.PostgresLauncher;
import java.nio.file.Path;
import org.apache.qpid.server.SystemLauncher;

/**
 * A consistent file-level copy of a server's data folder, taken while that server is stopped for a moment
 * (a few seconds). Used where no dump tool ships with the stack's binaries: zonky's PostgreSQL has neither
 * {@code pg_dump} nor {@code psql}, and the AMQP broker (Qpid Broker-J) keeps queues and persistent messages in
 * an embedded Derby store that only the broker's own JVM could copy online. A file copy is also exact: message
 * order, redelivery flags and every database object come back as they were.
 */
final class StoppedCopyBackup implements ServiceBackup {

    private static final String ARCHIVE = "data.tar.gz";

    private final String service;

    private StoppedCopyBackup(String service) {
        this.service = service;
    }

    static StoppedCopyBackup postgres() {
        return new StoppedCopyBackup(PostgresLauncher.SERVICE);
    }

    static StoppedCopyBackup amqp() {
        return new StoppedCopyBackup(AmqpLauncher.SERVICE);
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public String version(Stack stack) {
        return service.equals(PostgresLauncher.SERVICE)
                ? "PostgreSQL " + BinaryVersions.of("postgres")
                : "Qpid Broker-J " + SystemLauncher.class.getPackage().getImplementationVersion();
    }

    @Override
    public String method() {
        return "copy of the data folder with the server stopped for a moment (no dump tool ships with it)";
    }

    @Override
    public void save(Path dir, Stack stack) {
        stack.progress().step(service + ": stopping for a consistent copy of its data folder");
        stack.runtime().stopService(service);
        try {
            DirectoryArchive.pack(stack.runtime().home().dataDir(service), dir.resolve(ARCHIVE));
        } finally {
            stack.runtime().startService(service, stack.progress());
        }
    }

    @Override
    public void load(Path dir, Stack stack) {
        stack.progress().step(service + ": stopping to replace its data folder");
        stack.runtime().stopService(service);
        DirectoryArchive.unpack(dir.resolve(ARCHIVE), stack.runtime().home().dataDir(service));
        // the launcher applies Vault's (restored) password on start
        stack.runtime().startService(service, stack.progress());
    }
}
