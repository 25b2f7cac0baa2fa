package io.devstack.infra.local.amqp;

import org.apache.qpid.server.model.AccessControlProvider;
import org.apache.qpid.server.model.ManagedObject;

/**
 * A broker-wide access control provider of Qpid Broker-J (type {@value #TYPE}) that refuses to create a queue past
 * {@link QueueLimits}: Broker-J has no setting for the number of queues, and its per-queue depth defaults can be
 * raised by whoever declares the queue. Listed in the broker's initial configuration by {@link AmqpBrokerMain}.
 */
@ManagedObject(category = false, type = QueueLimitsProvider.TYPE)
public interface QueueLimitsProvider<X extends QueueLimitsProvider<X>> extends AccessControlProvider<X> {

    String TYPE = "DevstackQueueLimits";
}
