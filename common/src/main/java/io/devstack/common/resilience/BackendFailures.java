package io.devstack.common.resilience;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Small helpers to read a driver's exception chain without caring which layer wrapped it. */
public final class BackendFailures {

    private BackendFailures() {}

    /** The throwable, then each of its causes, outermost first. */
    public static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The outermost throwable of {@code type} in the chain. */
    public static <T extends Throwable> Optional<T> firstCause(Throwable failure, Class<T> type) {
        return causes(failure).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** True when {@code test} holds for the throwable or any of its causes. */
    public static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        return causes(failure).anyMatch(test);
    }

    /** Redis error prefixes that say the server (not this request) cannot serve: they count against the breaker. */
    private static final List<String> REDIS_UNAVAILABLE =
            List.of("NOAUTH", "WRONGPASS", "LOADING", "CLUSTERDOWN", "MASTERDOWN", "TRYAGAIN", "BUSY", "READONLY");
    /** MongoDB error codes of a refused login (18 AuthenticationFailed, 13 Unauthorized). */
    private static final List<Integer> MONGO_AUTH_CODES = List.of(13, 18);

    /**
     * True when a backend that is up answered this one request with an error: a Redis command error such as WRONGTYPE
     * or OOM, an AMQP channel closed by the broker (a refused queue name), a message nacked by a full queue, a MongoDB
     * command or write error. Such a failure is that request's alone and must not count against the backend's circuit
     * breaker; a refused connection, a lost one, a timeout or refused credentials are about availability and do count.
     */
    public static boolean isRequestRefusal(Throwable failure) {
        return anyCause(failure, t -> switch (t) {
            case RedisCommandExecutionException redis ->
                REDIS_UNAVAILABLE.stream()
                        .noneMatch(prefix -> String.valueOf(redis.getMessage()).startsWith(prefix));
            case ShutdownSignalException amqp -> isAmqpRefusal(amqp);
            case MongoCommandException mongo -> !MONGO_AUTH_CODES.contains(mongo.getErrorCode());
            case MongoWriteException ignored -> true;
            case RequestRefusedException ignored -> true;
            default -> false;
        });
    }

    /** AMQP class id of the {@code queue.*} methods. */
    private static final int AMQP_QUEUE_CLASS = 50;

    /**
     * A channel the broker closed, or a connection it closed over a refused {@code queue.*} method: Qpid Broker-J
     * answers a refused {@code queue.declare} (the queue-count limit, depth limits above its own) with a
     * connection close naming that method, where RabbitMQ closes only the channel.
     */
    private static boolean isAmqpRefusal(ShutdownSignalException amqp) {
        if (amqp.getReason() instanceof AMQP.Channel.Close) {
            return !amqp.isHardError();
        }
        return amqp.getReason() instanceof AMQP.Connection.Close close && close.getClassId() == AMQP_QUEUE_CLASS;
    }

    /**
     * True when the driver gave up waiting on its own command timeout (set to the deadline): a timeout like the
     * deadline's, even when the driver's timer fired a moment before it.
     */
    public static boolean isDriverTimeout(Throwable failure) {
        return anyCause(failure, t -> t instanceof RedisCommandTimeoutException);
    }

    /** The innermost cause's class and message, for a log line. */
    public static String describe(Throwable failure) {
        Throwable root = causes(failure).reduce((outer, inner) -> inner).orElse(failure);
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure
                ? text
                : text + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
