package io.devstack.infra.local.amqp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.qpid.server.model.AbstractConfiguredObject;
import org.apache.qpid.server.model.AccessControlProvider;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ManagedAttributeField;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.StateTransition;
import org.apache.qpid.server.security.AccessControl;

/** Broker-J's model object for {@link QueueLimitsProvider}; the decisions are {@link QueueLimits}'. */
public class QueueLimitsProviderImpl extends AbstractConfiguredObject<QueueLimitsProviderImpl>
        implements QueueLimitsProvider<QueueLimitsProviderImpl> {

    /** Set by Broker-J from the {@code priority} attribute (the field name is its convention). */
    @ManagedAttributeField
    @SuppressWarnings("MemberName")
    private int _priority;

    private final QueueLimits limits = new QueueLimits();

    public QueueLimitsProviderImpl(Map<String, Object> attributes, Broker<?> broker) {
        super(broker, attributes);
    }

    @Override
    public int getPriority() {
        return _priority;
    }

    @Override
    public AccessControl<?> getController() {
        return limits;
    }

    @Override
    public int compareTo(AccessControlProvider<?> other) {
        return ACCESS_CONTROL_PROVIDER_COMPARATOR.compare(this, other);
    }

    @StateTransition(
            currentState = {State.UNINITIALIZED, State.QUIESCED, State.ERRORED},
            desiredState = State.ACTIVE)
    @SuppressWarnings("unused") // called by Broker-J through the annotation
    private CompletableFuture<Void> activate() {
        setState(State.ACTIVE);
        return CompletableFuture.completedFuture(null);
    }
}
