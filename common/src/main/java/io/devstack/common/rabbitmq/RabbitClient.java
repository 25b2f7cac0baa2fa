package io.devstack.common.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.devstack.common.HostPort;
import io.devstack.common.resilience.Backend;
import io.devstack.common.resilience.BackendCalls;
import io.devstack.common.resilience.BackendFailures;
import io.devstack.common.resilience.RequestRefusedException;
import io.devstack.common.vault.CredentialedClient;
import io.devstack.common.vault.VaultSecrets;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * AMQP 0-9-1 through one shared connection opened with Vault secret {@code rabbitmq {user, password, vhost}};
 * a channel per operation (channels are cheap, a connection is not). Reopened when the broker closed it, and
 * rebuilt from a re-read secret when the broker refuses the login. Every operation runs under the backend guard
 * ({@link BackendCalls}: deadline, circuit breaker, timing).
 */
public final class RabbitClient implements AutoCloseable {

    public static final String SECRET = "rabbitmq";
    private static final int NOT_FOUND = 404;
    private static final AMQP.BasicProperties PERSISTENT_JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .deliveryMode(2)
            .build();

    private final BackendCalls calls;
    private final Duration timeout;
    private final CredentialedClient<Connection> connection;
    // RabbitMQ's resource alarms (memory, disk) send connection.blocked and stop reading the socket: a publish then
    // would wait for the deadline inside a socket write. Qpid Broker-J (the native broker) uses channel.flow instead,
    // which AbortableChannel handles. The connection is named so a notice from a replaced connection is ignored.
    private volatile Blocked blocked;

    private record Blocked(Connection connection, String reason) {}

    /** What a passive declare tells about a queue. */
    public record QueueState(long messageCount, long consumerCount) {}

    public RabbitClient(HostPort address, VaultSecrets secrets, BackendCalls calls) {
        this.calls = calls;
        this.timeout = calls.timeout();
        this.connection = new CredentialedClient<>(
                SECRET,
                secrets,
                secret -> watchBlocked(open(address, secret, timeout)),
                RabbitClient::rejectedCredentials,
                Connection::isOpen,
                c -> c.close((int) timeout.toMillis()));
    }

    /**
     * Declares {@code queue} durable, publishes {@code body} persistent ({@code delivery_mode 2},
     * {@code application/json}) and waits for the broker's confirm within the deadline. A nack (the queue is at its
     * depth limit) is a {@link RequestRefusedException}: {@code 503 request_refused}, the breaker untouched.
     */
    public void publish(String queue, byte[] body) {
        AbortableChannel channel = new AbortableChannel();
        calls.call(
                Backend.RABBITMQ,
                "publish",
                () -> connection.use(c -> publishConfirmed(c, channel, queue, body)),
                channel::abort);
    }

    /** The queue's counts, or empty when it does not exist (the failed passive declare only closes its own channel). */
    public Optional<QueueState> queueState(String queue) {
        return calls.call(Backend.RABBITMQ, "queue_info", () -> connection.use(c -> declarePassive(c, queue)));
    }

    /** The health probe: the broker's product version from the handshake, bounded by the deadline only. */
    public String version() {
        return calls.probe(Backend.RABBITMQ, "health", () -> connection.use(RabbitClient::serverVersion));
    }

    /** Opens the connection without the deadline (startup warm-up). */
    public void warmUp() throws Exception {
        connection.use(RabbitClient::serverVersion);
    }

    private static String serverVersion(Connection c) {
        return String.valueOf(c.getServerProperties().get("version"));
    }

    private Void publishConfirmed(Connection c, AbortableChannel abortable, String queue, byte[] body)
            throws Exception {
        refuseWhileBlocked(c);
        try (Channel channel = abortable.open(c)) {
            channel.confirmSelect();
            channel.queueDeclare(queue, true, false, false, null);
            // mandatory: a message the queue refuses (depth limit) comes back as a nack; without it the broker would
            // treat the refused message as unroutable and confirm it with an ack, losing it silently
            channel.basicPublish("", queue, true, PERSISTENT_JSON, body);
            if (!channel.waitForConfirms(timeout.toMillis())) {
                // the broker is up and said no to this message: a queue at its depth limit (REJECT overflow policy)
                throw new RequestRefusedException("the broker refused a message for queue '" + queue
                        + "' (nack): the queue is at its depth limit");
            }
        }
        return null;
    }

    private Connection watchBlocked(Connection opened) {
        opened.addBlockedListener(reason -> blocked = new Blocked(opened, reason), () -> blocked = null);
        return opened;
    }

    /** While the broker says the connection is blocked, a publish is refused at once instead of at the deadline. */
    private void refuseWhileBlocked(Connection c) {
        Blocked now = blocked;
        if (now != null && now.connection() == c) {
            throw new RequestRefusedException(
                    "the broker blocks publishing (" + now.reason() + "): it is low on memory or disk");
        }
    }

    private static Optional<QueueState> declarePassive(Connection c, String queue) throws Exception {
        Channel channel = c.createChannel();
        try {
            AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
            return Optional.of(new QueueState(ok.getMessageCount(), ok.getConsumerCount()));
        } catch (IOException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    private static boolean isNotFound(IOException e) {
        return e.getCause() instanceof ShutdownSignalException signal
                && signal.getReason() instanceof AMQP.Channel.Close close
                && close.getReplyCode() == NOT_FOUND;
    }

    private static Connection open(HostPort address, Map<String, Object> secret, Duration timeout) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(address.host());
        factory.setPort(address.port());
        factory.setUsername(String.valueOf(secret.get("user")));
        factory.setPassword(String.valueOf(secret.get("password")));
        factory.setVirtualHost(String.valueOf(secret.getOrDefault("vhost", "/")));
        int millis = (int) timeout.toMillis();
        factory.setConnectionTimeout(millis);
        factory.setHandshakeTimeout(millis);
        factory.setChannelRpcTimeout(millis);
        factory.setShutdownTimeout(millis);
        // we reopen on demand (CredentialedClient checks isOpen) instead of background recovery threads
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        try {
            return factory.newConnection("devstack-api");
        } catch (IOException | TimeoutException e) {
            throw new RabbitConnectException(e);
        }
    }

    static boolean rejectedCredentials(Throwable failure) {
        return BackendFailures.anyCause(
                failure,
                t -> t instanceof AuthenticationFailureException
                        || t instanceof PossibleAuthenticationFailureException);
    }

    /** Unchecked carrier for a failed connect, so the cause chain keeps the driver's exception. */
    static final class RabbitConnectException extends RuntimeException {
        RabbitConnectException(Exception cause) {
            super("Cannot connect to the AMQP broker: " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
