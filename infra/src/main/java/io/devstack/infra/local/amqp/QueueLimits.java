package io.devstack.infra.local.amqp;

import java.util.Map;
import java.util.Optional;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.OverflowPolicy;
import org.apache.qpid.server.model.PermissionedObject;
import org.apache.qpid.server.model.Queue;
import org.apache.qpid.server.security.AccessControl;
import org.apache.qpid.server.security.Result;
import org.apache.qpid.server.security.SecurityToken;
import org.apache.qpid.server.security.access.Operation;
import org.apache.qpid.server.security.access.OperationType;
import org.apache.qpid.server.virtualhost.QueueManagingVirtualHost;

/**
 * What a client may store in the broker: a virtual host holds at most {@link AmqpBrokerMain#MAX_QUEUES} queues, and a
 * queue is declared only within the broker's depth limits with overflow policy {@code REJECT} (a declare that asks
 * for more, or for none, is refused). A refused declare closes the client's channel with {@code 403
 * ACCESS_REFUSED}; nothing else is decided here (every other operation is deferred to the next control).
 *
 * <p>Broker-J creates queues one at a time on the virtual host's configuration thread and asks this control first,
 * so the count it reads cannot be overtaken by a concurrent declare. Queues the broker itself recovers at start are
 * not asked about: a store holding more queues than the limit keeps them, and only new ones are refused.
 */
final class QueueLimits implements AccessControl<SecurityToken> {

    @Override
    public Result getDefault() {
        return Result.DEFER;
    }

    @Override
    public SecurityToken newToken() {
        return null;
    }

    @Override
    public SecurityToken newToken(javax.security.auth.Subject subject) {
        return null;
    }

    @Override
    public Result authorise(SecurityToken token, Operation operation, PermissionedObject object) {
        return authorise(token, operation, object, Map.of());
    }

    @Override
    public Result authorise(
            SecurityToken token, Operation operation, PermissionedObject object, Map<String, Object> arguments) {
        if (operation.getType() != OperationType.CREATE
                || !(object instanceof Queue<?> queue)
                || !(((ConfiguredObject<?>) queue).getParent() instanceof QueueManagingVirtualHost<?> host)
                // Broker-J asks before it finds that a declared queue exists: declaring one again is no new queue
                || host.getChildByName(Queue.class, queue.getName()) != null) {
            return Result.DEFER;
        }
        Optional<String> refusal = refusal(
                host.getQueueCount(),
                queue.getMaximumQueueDepthMessages(),
                queue.getMaximumQueueDepthBytes(),
                queue.getOverflowPolicy());
        refusal.ifPresent(reason ->
                System.out.println("amqp-broker: declare of queue '" + queue.getName() + "' refused: " + reason));
        return refusal.isPresent() ? Result.DENIED : Result.DEFER;
    }

    /** Why a new queue with these settings may not be created next to {@code existing} others, or empty. */
    static Optional<String> refusal(long existing, long maxMessages, long maxBytes, OverflowPolicy overflow) {
        if (existing >= AmqpBrokerMain.MAX_QUEUES) {
            return Optional.of(
                    "the virtual host holds " + existing + " queues, its limit is " + AmqpBrokerMain.MAX_QUEUES);
        }
        if (maxMessages < 0 || maxMessages > AmqpBrokerMain.MAX_QUEUE_MESSAGES) {
            return Optional.of("a depth of " + describe(maxMessages) + " messages exceeds the limit of "
                    + AmqpBrokerMain.MAX_QUEUE_MESSAGES);
        }
        if (maxBytes < 0 || maxBytes > AmqpBrokerMain.MAX_QUEUE_BYTES) {
            return Optional.of("a depth of " + describe(maxBytes) + " bytes exceeds the limit of "
                    + AmqpBrokerMain.MAX_QUEUE_BYTES);
        }
        if (overflow != OverflowPolicy.REJECT) {
            return Optional.of("overflow policy " + overflow + " instead of REJECT would let the queue pass its depth");
        }
        return Optional.empty();
    }

    private static String describe(long limit) {
        return limit < 0 ? "unlimited" : Long.toString(limit);
    }
}
