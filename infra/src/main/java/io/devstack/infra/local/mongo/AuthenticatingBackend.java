package io.devstack.infra.local.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts MongoDB's authentication in front of a mongo-java-server backend: a connection (one Netty channel) gets
 * only the handshake until it completes SCRAM-SHA-256 ({@code saslStart}/{@code saslContinue}, or
 * {@code speculativeAuthenticate} inside {@code hello}); then it may use its user's database.
 * Errors mirror mongod's: 13 Unauthorized, 18 AuthenticationFailed.
 */
final class AuthenticatingBackend implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(AuthenticatingBackend.class);

    static final String MECHANISM = "SCRAM-SHA-256";
    private static final int CONVERSATION_ID = 1;
    private static final Double OK = 1.0;
    private static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("devstack.mongo.connection");

    /** Answered before authentication: what the driver sends while it sets a connection up and tears it down. */
    private static final Set<String> HANDSHAKE_COMMANDS = Set.of("buildinfo", "ping", "endsessions", "getlasterror");
    /** {@code admin} commands any authenticated user may run (the driver's own and harmless ones). */
    private static final Set<String> ADMIN_COMMANDS_FOR_EVERY_USER = Set.of("listdatabases", "whatsmyuri");

    /** What one client connection has proven so far; only its own event-loop thread touches it. */
    private static final class Connection {
        final int id;
        MongoUser user;
        ScramServerConversation conversation;
        String conversationDatabase;
        boolean skipEmptyExchange;

        Connection(int id) {
            this.id = id;
        }
    }

    private final MongoBackend backend;
    private final Runnable commit;
    /** Replaced entry by entry by {@code updateUser}; the SCRAM conversations read it from the event loops. */
    private final Map<String, MongoUser> usersByDatabaseAndName;

    private final AtomicInteger connectionIds = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    AuthenticatingBackend(MongoBackend backend, List<MongoUser> users) {
        this(backend, users, () -> {});
    }

    /** @param commit makes the store's changes durable; runs after every command, before its reply is sent */
    AuthenticatingBackend(MongoBackend backend, List<MongoUser> users, Runnable commit) {
        this.backend = backend;
        this.commit = commit;
        this.usersByDatabaseAndName = new ConcurrentHashMap<>(users.stream()
                .collect(Collectors.toMap(u -> key(u.database(), u.name()), Function.identity())));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        return handleCommand(
                message.getChannel(),
                message.getDatabaseName(),
                body.keySet().iterator().next(),
                body);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Connection connection = connection(channel);
        String name = command.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "hello", "ismaster" -> hello(channel, connection, database, command, query);
            case "saslstart" -> saslStart(connection, database, query);
            case "saslcontinue" -> saslContinue(connection, query);
            case "connectionstatus" -> connectionStatus(connection);
            case "updateuser" -> updateUser(connection, database, query);
            default ->
                HANDSHAKE_COMMANDS.contains(name)
                        ? backend.handleCommand(channel, database, command, query)
                        : authorized(channel, connection, database, command, query);
        };
    }

    private Document authorized(
            Channel channel, Connection connection, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        MongoUser user = connection.user;
        if (user == null) {
            return error(13, "Unauthorized", "command " + command + " requires authentication");
        }
        boolean adminForEveryone =
                MongoUser.ADMIN_DATABASE.equals(database) && ADMIN_COMMANDS_FOR_EVERY_USER.contains(name);
        if (!user.mayUse(database) && !adminForEveryone) {
            return error(13, "Unauthorized", "not authorized on " + database + " to execute command " + command);
        }
        String mergeTarget = foreignMergeTarget(user, query);
        if (mergeTarget != null) {
            return error(13, "Unauthorized", "not authorized on " + mergeTarget + " to execute command " + command);
        }
        Document reply = backend.handleCommand(channel, database, command, query);
        commit.run(); // an acknowledged write is in the store file before the client hears of it (no-op for reads)
        return name.equals("listdatabases") && !user.isRoot() ? onlyDatabaseOf(user, reply) : reply;
    }

    /**
     * An aggregation's {@code $merge: {into: {db: …}}} may write to another database: the one named, if not allowed.
     */
    private static String foreignMergeTarget(MongoUser user, Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("$merge") instanceof Map<?, ?> merge
                    && merge.get("into") instanceof Map<?, ?> into
                    && into.get("db") instanceof String target
                    && !user.mayUse(target)) {
                return target;
            }
            return map.values().stream()
                    .map(v -> foreignMergeTarget(user, v))
                    .filter(t -> t != null)
                    .findFirst()
                    .orElse(null);
        } else if (value instanceof List<?> list) {
            return list.stream()
                    .map(v -> foreignMergeTarget(user, v))
                    .filter(t -> t != null)
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    /** mongod lists only the databases a user may use when it lacks the listDatabases privilege. */
    @SuppressWarnings("unchecked")
    private static Document onlyDatabaseOf(MongoUser user, Document reply) {
        List<Document> all = (List<Document>) reply.get("databases");
        if (all != null) {
            reply.put(
                    "databases",
                    all.stream()
                            .filter(db -> user.database().equals(db.get("name")))
                            .toList());
        }
        return reply;
    }

    private Document hello(Channel channel, Connection connection, String database, String command, Document query) {
        Document legacy = backend.handleCommand(channel, database, "ismaster", query);
        Document reply = new Document();
        boolean modern = command.equalsIgnoreCase("hello");
        reply.put(modern ? "isWritablePrimary" : "ismaster", Boolean.TRUE);
        legacy.forEach((key, value) -> reply.putIfAbsent(key, value));
        reply.remove(modern ? "ismaster" : "isWritablePrimary");
        // with a connectionId the driver skips its extra getLastError round trip
        reply.put("connectionId", connection.id);
        if (query.get("saslSupportedMechs") instanceof String userInDatabase) {
            int dot = userInDatabase.indexOf('.');
            if (dot > 0
                    && find(userInDatabase.substring(0, dot), userInDatabase.substring(dot + 1))
                            .isPresent()) {
                reply.put("saslSupportedMechs", List.of(MECHANISM));
            }
        }
        if (query.get("speculativeAuthenticate") instanceof Document speculative
                && speculative.get("db") instanceof String authDatabase) {
            Document started = saslStart(connection, authDatabase, speculative);
            boolean accepted = OK.equals(started.remove("ok"));
            log.debug(
                    "connection {}: speculative SCRAM first step {}", connection.id, accepted ? "accepted" : "refused");
            // as mongod does: a refused speculative attempt is left out, and the driver falls back to saslStart
            if (accepted) {
                reply.put("speculativeAuthenticate", started);
            }
        }
        return reply;
    }

    private Document saslStart(Connection connection, String database, Document command) {
        connection.conversation = null;
        ScramServerConversation conversation = new ScramServerConversation(name -> find(database, name));
        try {
            if (!MECHANISM.equals(command.get("mechanism"))) {
                throw new AuthenticationFailure(
                        "mechanism " + command.get("mechanism") + " is not offered, only " + MECHANISM);
            }
            String serverFirst = conversation.start(payload(command));
            connection.conversation = conversation;
            connection.conversationDatabase = database;
            connection.skipEmptyExchange = command.get("options") instanceof Document options
                    && Boolean.TRUE.equals(options.get("skipEmptyExchange"));
            return saslReply(false, serverFirst);
        } catch (AuthenticationFailure failure) {
            return authenticationFailed(database, conversation.claimedName(), failure.getMessage());
        }
    }

    private Document saslContinue(Connection connection, Document command) {
        ScramServerConversation conversation = connection.conversation;
        connection.conversation = null;
        if (conversation == null
                || !(command.get("conversationId") instanceof Number id && id.intValue() == CONVERSATION_ID)) {
            return authenticationFailed(
                    connection.conversationDatabase, null, "saslContinue without a conversation in progress");
        }
        try {
            String payload = payload(command);
            if (payload.isEmpty() && conversation.isProven()) {
                // the client's empty last step when it did not ask to skip it: the proof was checked already
                return succeed(connection, conversation, "");
            }
            String serverFinal = conversation.finish(payload);
            if (connection.skipEmptyExchange) {
                return succeed(connection, conversation, serverFinal);
            }
            connection.conversation = conversation;
            return saslReply(false, serverFinal);
        } catch (AuthenticationFailure failure) {
            return authenticationFailed(
                    connection.conversationDatabase, conversation.claimedName(), failure.getMessage());
        }
    }

    private Document succeed(Connection connection, ScramServerConversation conversation, String lastPayload) {
        connection.user = conversation.authenticatedUser();
        log.debug("connection {} authenticated as {}", connection.id, connection.user);
        return saslReply(true, lastPayload);
    }

    private static Document saslReply(boolean done, String payload) {
        Document reply = new Document("conversationId", CONVERSATION_ID);
        reply.put("done", done);
        reply.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
        reply.put("ok", OK);
        return reply;
    }

    private Document authenticationFailed(String database, String user, String reason) {
        log.warn("authentication failed for user {} on database {}: {}", user == null ? "?" : user, database, reason);
        return error(18, "AuthenticationFailed", "Authentication failed.");
    }

    /**
     * mongod's {@code updateUser} with {@code pwd}, limited to changing one's own password (mongod's
     * {@code changeOwnPassword}): an authenticated user may set the password of the user of the same name in any
     * database it may use. New keys are derived here (server-side digest, as mongod does for SCRAM-SHA-256);
     * connections already authenticated stay so, new ones need the new password.
     */
    private Document updateUser(Connection connection, String database, Document query) {
        if (connection.user == null) {
            return error(13, "Unauthorized", "command updateUser requires authentication");
        }
        Object target = query.get("updateUser");
        if (!(target instanceof String name) || !(query.get("pwd") instanceof String password) || password.isEmpty()) {
            return error(2, "BadValue", "updateUser needs the user name and a non-empty pwd");
        }
        if (!name.equals(connection.user.name())
                || find(database, name).isEmpty()
                || !(connection.user.mayUse(database) || MongoUser.ADMIN_DATABASE.equals(database))) {
            return error(13, "Unauthorized", "not authorized on " + database + " to change the password of " + name);
        }
        usersByDatabaseAndName.put(key(database, name), MongoUsers.derive(database, name, password.toCharArray()));
        log.info("password of user {} on database {} changed", name, database);
        return new Document("ok", OK);
    }

    private static Document connectionStatus(Connection connection) {
        List<Document> users = connection.user == null
                ? List.of()
                : List.of(new Document("user", connection.user.name()).append("db", connection.user.database()));
        Document reply = new Document("authInfo", new Document("authenticatedUsers", users));
        reply.put("ok", OK);
        return reply;
    }

    /** The payload as text: drivers send BinData, some shells a string. */
    private static String payload(Document command) throws AuthenticationFailure {
        Object payload = command.get("payload");
        if (payload instanceof BinData binary) {
            return new String(binary.getData(), StandardCharsets.UTF_8);
        } else if (payload instanceof String text) {
            return text;
        }
        throw new AuthenticationFailure("SASL command without payload");
    }

    private Optional<MongoUser> find(String database, String name) {
        return Optional.ofNullable(usersByDatabaseAndName.get(key(database, name)));
    }

    private static String key(String database, String name) {
        return database + "\0" + name;
    }

    private static Document error(int code, String codeName, String message) {
        Document reply = new Document("ok", 0.0);
        reply.put("errmsg", message);
        reply.put("code", code);
        reply.put("codeName", codeName);
        return reply;
    }

    private Connection connection(Channel channel) {
        Connection connection = channel.attr(CONNECTION).get();
        if (connection == null) {
            connection = new Connection(connectionIds.incrementAndGet());
            channel.attr(CONNECTION).set(connection);
        }
        return connection;
    }

    /** Legacy OP_QUERY reads on a collection (drivers since 3.6 send commands instead). */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAccess(query.getChannel(), query.getDatabaseName(), "find");
        return backend.handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        requireAccess(query.getChannel(), query.getDatabaseName(), "currentOp");
        return backend.getCurrentOperations(query);
    }

    /**
     * Reached only by a legacy OP_QUERY {@code serverStatus}, which mongo-java-server answers without naming the
     * connection, so it cannot be checked: refused for everyone (OP_MSG {@code serverStatus} is checked as usual).
     */
    @Override
    public Document getServerStatus() {
        throw new MongoServerError(13, "Unauthorized", "command serverStatus requires authentication");
    }

    private void requireAccess(Channel channel, String database, String command) {
        MongoUser user = connection(channel).user;
        if (user == null || !user.mayUse(database)) {
            throw new MongoServerError(
                    13, "Unauthorized", "not authorized on " + database + " to execute command " + command);
        }
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            backend.close();
        }
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
