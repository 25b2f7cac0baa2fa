package io.devstack.infra.local.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.devstack.infra.DevstackHome;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * A MongoDB-wire server that requires SCRAM-SHA-256, like the compose runtime's {@code mongo:7}:
 * mongo-java-server on an H2 MVStore file in {@code dataDir} (so data survives restarts), users from a
 * {@link MongoUsers} file. Runs in-process (tests) or as its own JVM ({@link MongoWireServerMain}).
 */
public final class MongoWireServer implements AutoCloseable {

    static final String STORE_FILE = "mongodb.mv.db";
    /** Small page cache: the stack's data is tiny and this server should stay a few tens of MB. */
    private static final int STORE_CACHE_MB = 4;

    private static final int ACCEPT_THREADS = 1;
    private static final int IO_THREADS = 2;

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Loads the users, opens the store and listens on {@code address}.
     *
     * @throws IllegalArgumentException the users file is missing or invalid (one-line message)
     * @throws IllegalStateException the port is taken or the store cannot be opened (one-line message)
     */
    public static MongoWireServer start(InetSocketAddress address, Path dataDir, Path usersFile) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("Cannot resolve the bind address " + address.getHostString()
                    + "; use an IP address such as 127.0.0.1");
        }
        List<MongoUser> users = MongoUsers.load(usersFile);
        Path storeFile = DevstackHome.privateDirectory(dataDir).resolve(STORE_FILE);
        MVStore store = openStore(storeFile);
        // MVStore commits on its own only about once a second: commit per command so a crash loses no acknowledged
        // write
        MongoServer server = new MongoServer(new AuthenticatingBackend(new H2Backend(store), users, store::commit));
        try {
            server.bind(address, ACCEPT_THREADS, IO_THREADS);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            server.shutdownNow();
            if (e instanceof BindException) {
                throw new IllegalStateException("Port " + address.getPort() + " on " + address.getHostString()
                        + " is already in use; stop what listens there or choose another port");
            }
            throw new IllegalStateException("Cannot listen on " + address + ": " + e, e);
        }
        return new MongoWireServer(server, server.getLocalAddress());
    }

    private static MVStore openStore(Path file) {
        try {
            return new MVStore.Builder()
                    .fileName(file.toString())
                    .cacheSize(STORE_CACHE_MB)
                    .open();
        } catch (MVStoreException e) {
            String reason = String.valueOf(e.getMessage()).contains("locked")
                    ? "it is in use by another process; stop the other MongoDB-wire server first"
                    : e.getMessage();
            throw new IllegalStateException("Cannot open MongoDB data store " + file + ": " + reason, e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Closes every client connection, then the store (which writes what is not yet on disk). */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
